package org.bluelight.registry.access;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The registry's accounts. None means the registry is open to anyone (the plain local stack); any
 * means every request but {@code /health} needs HTTP basic credentials of one of them.
 */
public final class RegistryUsers {

    private final Map<String, RegistryUser> byName;

    private RegistryUsers(Map<String, RegistryUser> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** No accounts: an open registry. */
    public static RegistryUsers open() {
        return new RegistryUsers(Map.of());
    }

    public static RegistryUsers of(Collection<RegistryUser> users) {
        Map<String, RegistryUser> byName = new LinkedHashMap<>();
        for (RegistryUser user : users) {
            if (byName.put(user.name(), user) != null) {
                throw new IllegalArgumentException("Registry user " + user.name() + " is named twice");
            }
        }
        return new RegistryUsers(byName);
    }

    /**
     * Reads a properties file of {@code name = ROLE:password} lines, ROLE being {@code read} or
     * {@code write}; the file is a secret (keep it readable by the registry's user only).
     */
    public static RegistryUsers read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the registry users file " + file + ": " + e.getMessage(), e);
        }
        Map<String, RegistryUser> users = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String entry = properties.getProperty(name).trim();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Registry user " + name + " in " + file + " is not ROLE:password");
            }
            RegistryRole role;
            try {
                role = RegistryRole.valueOf(entry.substring(0, colon).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Registry user " + name + " in " + file + ": the role is read or write", e);
            }
            users.put(name, new RegistryUser(name, entry.substring(colon + 1), role));
        }
        return new RegistryUsers(users);
    }

    public boolean isOpen() {
        return byName.isEmpty();
    }

    /** The user an {@code Authorization} header names, when its password is right. */
    public Optional<RegistryUser> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        RegistryUser user = byName.get(decoded.substring(0, colon));
        return user != null && user.hasPassword(decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
    }

    @Override
    public String toString() {
        return "RegistryUsers" + byName.values();
    }
}
