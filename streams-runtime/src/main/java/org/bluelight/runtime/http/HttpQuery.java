package org.bluelight.runtime.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GET request to a query endpoint.
 *
 * @param route      the path the handler was registered under, e.g. {@code /officers}
 * @param path       the request path, e.g. {@code /officers/PC-1234}
 * @param parameters decoded query-string parameters
 */
public record HttpQuery(String route, String path, Map<String, List<String>> parameters) {

    public HttpQuery {
        parameters = Map.copyOf(parameters);
    }

    static HttpQuery of(String route, URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return new HttpQuery(route, uri.getPath(), parameters);
    }

    /** The first value of parameter {@code name}. */
    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** What follows the route in the path, without the slash: {@code PC-1234} for {@code /officers/PC-1234}; empty for the route itself. */
    public Optional<String> subPath() {
        String rest = path.length() > route.length() ? path.substring(route.length()) : "";
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
