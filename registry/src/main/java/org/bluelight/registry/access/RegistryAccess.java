package org.bluelight.registry.access;

import java.util.List;

/**
 * Which role a request needs. Writers change what the registry holds: register a schema
 * ({@code POST /subjects/{s}/versions}), set a compatibility level ({@code PUT /config}) or delete.
 * Everything else reads, including the two POSTs that only ask: looking a schema up
 * ({@code POST /subjects/{s}}) and testing compatibility ({@code POST /compatibility/...}).
 */
public final class RegistryAccess {

    private RegistryAccess() {
    }

    /** @param path the request's path segments, decoded */
    public static RegistryRole needed(String method, List<String> path) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> RegistryRole.READ;
            case "POST" -> isLookup(path) ? RegistryRole.READ : RegistryRole.WRITE;
            default -> RegistryRole.WRITE;
        };
    }

    /** Whether anyone may ask, without credentials: the health check of a container. */
    public static boolean isPublic(String method, List<String> path) {
        return method.equals("GET") && path.equals(List.of("health"));
    }

    private static boolean isLookup(List<String> path) {
        return !path.isEmpty() && (path.get(0).equals("compatibility") || (path.get(0).equals("subjects") && path.size() == 2));
    }
}
