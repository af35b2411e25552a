package org.bluelight.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluelight.registry.SchemaRegistry;
import org.bluelight.registry.access.RegistryAccess;
import org.bluelight.registry.access.RegistryRole;
import org.bluelight.registry.access.RegistryUser;
import org.bluelight.registry.access.RegistryUsers;
import org.bluelight.registry.storage.SchemaStore;
import org.bluelight.schemas.registry.Compatibility;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API v1 subset, routed by hand: every answer is JSON with
 * content type {@code application/vnd.schemaregistry.v1+json}, every error
 * {@code {"error_code": ..., "message": ...}}.
 */
public final class RegistryHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** Confluent's codes for a request without valid credentials and for one its role does not allow. */
    static final int UNAUTHORIZED = 40101;
    static final int FORBIDDEN = 40301;

    private final SchemaRegistry registry;
    private final RegistryUsers users;
    private final ObjectMapper json = new ObjectMapper();

    private record Answer(int status, JsonNode body) {}

    private record Call(String method, List<String> path, Map<String, String> query, byte[] body) {}

    /** An open registry: anyone may read and write. */
    public RegistryHttpHandler(SchemaRegistry registry) {
        this(registry, RegistryUsers.open());
    }

    /** @param users who may read and who may write; none for an open registry */
    public RegistryHttpHandler(SchemaRegistry registry, RegistryUsers users) {
        this.registry = registry;
        this.users = users;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try {
            Call call = read(exchange);
            answer = refusal(call, exchange.getRequestHeaders().getFirst("Authorization")).orElseGet(() -> route(call));
        } catch (RegistryException e) {
            answer = error(e.httpStatus(), e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Failed {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            answer = error(500, RegistryException.INTERNAL_ERROR, "Internal error: " + e);
        }
        byte[] body = json.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", RegistryClient.CONTENT_TYPE);
        if (answer.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"bluelight-registry\"");
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Call read(HttpExchange exchange) throws IOException {
        List<String> path = new ArrayList<>();
        for (String segment : exchange.getRequestURI().getRawPath().split("/")) {
            if (!segment.isEmpty()) {
                // A '+' in a path is a plus sign, not a space.
                path.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> query = new HashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.put(name, value);
            }
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new RegistryException(413, 413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return new Call(exchange.getRequestMethod(), path, query, body);
    }

    /** Why the caller may not make this call, if they may not: no valid credentials, or a role that does not cover it. */
    private Optional<Answer> refusal(Call call, String authorization) {
        if (users.isOpen() || RegistryAccess.isPublic(call.method(), call.path())) {
            return Optional.empty();
        }
        Optional<RegistryUser> user = users.authenticate(authorization);
        if (user.isEmpty()) {
            return Optional.of(error(401, UNAUTHORIZED, "Unauthorized: this registry needs basic credentials of one of its users"));
        }
        RegistryRole needed = RegistryAccess.needed(call.method(), call.path());
        if (!user.get().role().allows(needed)) {
            LOG.warn("Refused {} /{} to {} (role {}, needs {})", call.method(), String.join("/", call.path()), user.get().name(),
                    user.get().role(), needed);
            return Optional.of(error(403, FORBIDDEN, "Forbidden: user " + user.get().name() + " has role " + user.get().role()
                    + ", this request needs " + needed));
        }
        return Optional.empty();
    }

    private Answer route(Call call) {
        List<String> path = call.path();
        String method = call.method();
        if (path.isEmpty()) {
            return get(call, () -> ok(json.createObjectNode()));
        }
        switch (path.get(0)) {
            case "subjects":
                return subjects(call);
            case "schemas":
                if (path.size() == 3 && path.get(1).equals("ids")) {
                    return get(call, () -> schemaById(path.get(2)));
                }
                if (path.size() == 4 && path.get(1).equals("ids") && path.get(3).equals("schema")) {
                    return get(call, () -> ok(rawSchema(registry.schemaById(id(path.get(2))))));
                }
                if (path.size() == 2 && path.get(1).equals("types")) {
                    return get(call, () -> ok(json.createArrayNode().add("AVRO")));
                }
                break;
            case "compatibility":
                if (path.size() >= 4 && path.size() <= 5 && path.get(1).equals("subjects")
                        && path.get(3).equals("versions")) {
                    Optional<String> version = path.size() == 5 ? Optional.of(path.get(4)) : Optional.empty();
                    return post(call, () -> compatibility(path.get(2), version, call));
                }
                break;
            case "config":
                if (path.size() == 1) {
                    return method.equals("PUT") ? setCompatibility(Optional.empty(), call)
                            : get(call, () -> level(registry.globalCompatibility()));
                }
                if (path.size() == 2) {
                    return method.equals("PUT") ? setCompatibility(Optional.of(path.get(1)), call)
                            : get(call, () -> subjectLevel(path.get(1), call));
                }
                break;
            case "mode":
                if (path.size() == 1) {
                    return get(call, () -> ok(json.createObjectNode().put("mode", "READWRITE")));
                }
                break;
            case "health":
                // For container health checks, like the streams apps' /health; it answers once the schemas are replayed.
                if (path.size() == 1) {
                    return get(call, () -> ok(json.createObjectNode().put("status", "UP")));
                }
                break;
            default:
                break;
        }
        return error(404, 404, "HTTP 404 Not Found");
    }

    private Answer subjects(Call call) {
        List<String> path = call.path();
        if (path.size() == 1) {
            return get(call, () -> {
                ArrayNode subjects = json.createArrayNode();
                registry.subjects().forEach(subjects::add);
                return ok(subjects);
            });
        }
        String subject = path.get(1);
        if (path.size() == 2) {
            return post(call, () -> ok(versionNode(registry.lookup(subject, schemaText(call)))));
        }
        if (!path.get(2).equals("versions") || path.size() > 5) {
            return error(404, 404, "HTTP 404 Not Found");
        }
        if (path.size() == 3) {
            if (call.method().equals("POST")) {
                return ok(json.createObjectNode().put("id", registry.register(subject, schemaText(call))));
            }
            return get(call, () -> {
                ArrayNode versions = json.createArrayNode();
                registry.versions(subject).forEach(versions::add);
                return ok(versions);
            });
        }
        if (path.size() == 4) {
            return get(call, () -> ok(versionNode(registry.version(subject, path.get(3)))));
        }
        if (path.get(4).equals("schema")) {
            return get(call, () -> ok(rawSchema(registry.version(subject, path.get(3)).schema())));
        }
        return error(404, 404, "HTTP 404 Not Found");
    }

    private Answer schemaById(String idText) {
        ObjectNode body = json.createObjectNode();
        body.put("schema", registry.schemaById(id(idText)));
        return ok(body);
    }

    private Answer compatibility(String subject, Optional<String> version, Call call) {
        List<String> problems = registry.compatibilityProblems(subject, version, schemaText(call));
        ObjectNode body = json.createObjectNode().put("is_compatible", problems.isEmpty());
        if (Boolean.parseBoolean(call.query().getOrDefault("verbose", "false"))) {
            ArrayNode messages = body.putArray("messages");
            problems.forEach(messages::add);
        }
        return ok(body);
    }

    private Answer subjectLevel(String subject, Call call) {
        Optional<Compatibility> level = registry.subjectCompatibility(subject);
        if (level.isPresent()) {
            return level(level.get());
        }
        if (Boolean.parseBoolean(call.query().getOrDefault("defaultToGlobal", "false"))) {
            return level(registry.globalCompatibility());
        }
        throw new RegistryException(404, RegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    private Answer setCompatibility(Optional<String> subject, Call call) {
        JsonNode level = body(call).get("compatibility");
        if (level == null || !level.isTextual()) {
            throw new RegistryException(422, RegistryException.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level: expected {\"compatibility\": \"BACKWARD\"} or another level");
        }
        Compatibility parsed;
        try {
            parsed = Compatibility.parse(level.asText());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(422, RegistryException.INVALID_COMPATIBILITY_LEVEL,
                    "Invalid compatibility level. Valid values are none, backward, forward, full,"
                            + " backward_transitive, forward_transitive, and full_transitive");
        }
        if (subject.isPresent()) {
            registry.setSubjectCompatibility(subject.get(), parsed);
        } else {
            registry.setGlobalCompatibility(parsed);
        }
        return ok(json.createObjectNode().put("compatibility", parsed.name()));
    }

    private Answer level(Compatibility level) {
        return ok(json.createObjectNode().put("compatibilityLevel", level.name()));
    }

    private ObjectNode versionNode(SchemaStore.Version version) {
        ObjectNode body = json.createObjectNode();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.id());
        body.put("schema", version.schema());
        return body;
    }

    private JsonNode rawSchema(String schema) {
        try {
            return json.readTree(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored schema is not JSON", e);
        }
    }

    /** The Avro schema text of a request; other schema types and references are refused. */
    private String schemaText(Call call) {
        JsonNode body = body(call);
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equalsIgnoreCase(type.asText())) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA,
                    "Schema type " + type.asText() + " is not supported; this registry serves AVRO only");
        }
        JsonNode references = body.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Schema references are not supported");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA,
                    "Invalid schema: the body needs a \"schema\" string");
        }
        return schema.asText();
    }

    private JsonNode body(Call call) {
        try {
            JsonNode body = json.readTree(call.body());
            if (body == null || !body.isObject()) {
                throw new RegistryException(400, 400, "Request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new RegistryException(400, 400, "Unreadable JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    private interface Action {
        Answer run();
    }

    private Answer get(Call call, Action action) {
        return call.method().equals("GET") ? action.run() : methodNotAllowed(call);
    }

    private Answer post(Call call, Action action) {
        return call.method().equals("POST") ? action.run() : methodNotAllowed(call);
    }

    private Answer methodNotAllowed(Call call) {
        return error(405, 405, "HTTP 405 Method Not Allowed: " + call.method() + " /" + String.join("/", call.path()));
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, body);
    }

    private Answer error(int status, int errorCode, String message) {
        return new Answer(status, json.createObjectNode().put("error_code", errorCode).put("message", message));
    }
}
