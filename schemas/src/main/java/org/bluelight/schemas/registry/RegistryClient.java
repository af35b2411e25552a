package org.bluelight.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A client of the Confluent Schema Registry REST API v1 for Avro schemas.
 *
 * <p>Schema ids are immutable, so schemas by id and ids by (subject, schema text) are cached for
 * the life of the client; everything else (latest version, subjects, configuration) is asked
 * each time. Connection failures and 5xx answers are retried with exponential backoff, moving
 * through the configured URLs; 4xx answers are not retried. Every failure is a
 * {@link RegistryException}. Thread-safe.
 */
public final class RegistryClient {

    /** The registry's media type, sent and accepted. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int MAX_ERROR_BODY = 500;

    private final RegistryClientConfig config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, String schema) {}

    public RegistryClient(RegistryClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public RegistryClientConfig config() {
        return config;
    }

    /**
     * Registers the schema under the subject (or finds it already registered there) and returns
     * its global id. Fails with error code 409 if the subject's compatibility level refuses it.
     */
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(requireSubject(subject), schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", subjectPath(subject) + "/versions", schemaBody(schema));
        int id = requiredInt(answer, "id");
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** The id of the schema if it is registered under the subject, without registering it. */
    public OptionalInt lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(requireSubject(subject), schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return OptionalInt.of(cached);
        }
        JsonNode answer;
        try {
            answer = send("POST", subjectPath(subject), schemaBody(schema));
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == RegistryException.SCHEMA_NOT_FOUND) {
                return OptionalInt.empty();
            }
            throw e;
        }
        int id = requiredInt(answer, "id");
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return OptionalInt.of(id);
    }

    /** The schema with the given global id; error code 40403 if there is none. */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        Schema schema = parseSchema(answer, "schema id " + id);
        Schema winner = schemasById.putIfAbsent(id, schema);
        return winner == null ? schema : winner;
    }

    /** The latest version of the subject, or empty if the subject has none. */
    public Optional<RegisteredSchema> latest(String subject) {
        try {
            RegisteredSchema latest = registeredSchema(send("GET", subjectPath(subject) + "/versions/latest", null));
            // A reader's first record most likely carries this id: no round trip for it then.
            schemasById.putIfAbsent(latest.id(), latest.schema());
            return Optional.of(latest);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == RegistryException.VERSION_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** One version of the subject; error code 40401 or 40402 if it does not exist. */
    public RegisteredSchema version(String subject, int version) {
        return registeredSchema(send("GET", subjectPath(subject) + "/versions/" + version, null));
    }

    /**
     * Whether the schema may be registered under the subject given its compatibility level,
     * checked against the latest version. A subject with no versions accepts any schema.
     */
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = send("POST", "/compatibility" + subjectPath(subject) + "/versions/latest",
                    schemaBody(schema));
            JsonNode flag = answer.get("is_compatible");
            if (flag == null || !flag.isBoolean()) {
                throw new RegistryException(200, RegistryException.NO_RESPONSE,
                        "Registry answer has no boolean is_compatible: " + answer);
            }
            return flag.booleanValue();
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    /** Every subject with at least one version. */
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        for (JsonNode subject : requiredArray(send("GET", "/subjects", null), "subjects")) {
            subjects.add(subject.asText());
        }
        return subjects;
    }

    /** The subject's version numbers, ascending; error code 40401 if the subject does not exist. */
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        for (JsonNode version : requiredArray(send("GET", subjectPath(subject) + "/versions", null), "versions")) {
            versions.add(version.asInt());
        }
        return versions;
    }

    /** The compatibility level in force for the subject: its own, else the global one. */
    public Compatibility compatibility(String subject) {
        try {
            return compatibilityFrom(send("GET", "/config/" + encoded(subject), null));
        } catch (RegistryException e) {
            if (e.notFound()) {
                return globalCompatibility();
            }
            throw e;
        }
    }

    public Compatibility globalCompatibility() {
        return compatibilityFrom(send("GET", "/config", null));
    }

    public void setCompatibility(String subject, Compatibility compatibility) {
        send("PUT", "/config/" + encoded(subject), compatibilityBody(compatibility));
    }

    public void setGlobalCompatibility(Compatibility compatibility) {
        send("PUT", "/config", compatibilityBody(compatibility));
    }

    private JsonNode send(String method, String path, String body) {
        RegistryException last = null;
        List<URI> urls = config.urls();
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(backoff(attempt));
            }
            URI base = urls.get(attempt % urls.size());
            HttpRequest request = request(method, URI.create(base + path), body);
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = new RegistryException(method + " " + base + path + " failed: " + e, e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("Interrupted during " + method + " " + base + path, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(status, response.body(), method, path);
            }
            RegistryException error = errorFrom(status, response.body(), method, base + path);
            if (!error.transientFailure()) {
                throw error;
            }
            last = error;
        }
        throw last;
    }

    private HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Accept", ACCEPT);
        config.basicAuth().ifPresent(auth -> builder.header("Authorization", auth.headerValue()));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE);
            builder.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private Duration backoff(int attempt) {
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("Interrupted while waiting to retry the schema registry", e);
        }
    }

    private JsonNode parse(int status, String body, String method, String path) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RegistryException(status, RegistryException.NO_RESPONSE,
                    method + " " + path + " answered with unreadable JSON: " + abbreviate(body));
        }
    }

    private RegistryException errorFrom(int status, String body, String method, String url) {
        int errorCode = status;
        String message = abbreviate(body);
        try {
            JsonNode error = json.readTree(body);
            if (error != null && error.hasNonNull("error_code")) {
                errorCode = error.get("error_code").asInt(status);
            }
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
            }
        } catch (JsonProcessingException e) {
            // Not a registry error body (a proxy's HTML page, say): keep the raw text.
        }
        return new RegistryException(status, errorCode,
                method + " " + url + " -> HTTP " + status + ", error " + errorCode + ": " + message);
    }

    private String schemaBody(Schema schema) {
        ObjectNode body = json.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private String compatibilityBody(Compatibility compatibility) {
        ObjectNode body = json.createObjectNode();
        body.put("compatibility", compatibility.name());
        return body.toString();
    }

    private static Compatibility compatibilityFrom(JsonNode answer) {
        // GET answers {"compatibilityLevel": ...}; some servers answer {"compatibility": ...}.
        JsonNode level = answer.hasNonNull("compatibilityLevel") ? answer.get("compatibilityLevel")
                : answer.get("compatibility");
        if (level == null) {
            throw new RegistryException(200, RegistryException.NO_RESPONSE,
                    "Registry answer has no compatibility level: " + answer);
        }
        try {
            return Compatibility.parse(level.asText());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(200, RegistryException.INVALID_COMPATIBILITY_LEVEL, e.getMessage());
        }
    }

    private static RegisteredSchema registeredSchema(JsonNode answer) {
        JsonNode subject = answer.get("subject");
        if (subject == null || !subject.isTextual()) {
            throw new RegistryException(200, RegistryException.NO_RESPONSE, "Registry answer has no subject: " + answer);
        }
        Schema schema = parseSchema(answer, subject.asText());
        return new RegisteredSchema(subject.asText(), requiredInt(answer, "id"), requiredInt(answer, "version"), schema);
    }

    private static Schema parseSchema(JsonNode answer, String what) {
        JsonNode type = answer.get("schemaType");
        if (type != null && !type.isNull() && !"AVRO".equals(type.asText())) {
            throw new RegistryException(200, RegistryException.INVALID_SCHEMA,
                    what + " is a " + type.asText() + " schema, not Avro");
        }
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new RegistryException(200, RegistryException.NO_RESPONSE, "Registry answer for " + what
                    + " has no schema: " + abbreviate(answer.toString()));
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new RegistryException(200, RegistryException.INVALID_SCHEMA,
                    "Registry returned an unparsable Avro schema for " + what + ": " + e.getMessage());
        }
    }

    private static int requiredInt(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new RegistryException(200, RegistryException.NO_RESPONSE,
                    "Registry answer has no integer " + field + ": " + abbreviate(answer.toString()));
        }
        return value.intValue();
    }

    private static JsonNode requiredArray(JsonNode answer, String what) {
        if (!answer.isArray()) {
            throw new RegistryException(200, RegistryException.NO_RESPONSE,
                    "Registry answer for " + what + " is not a JSON array: " + abbreviate(answer.toString()));
        }
        return answer;
    }

    private static String requireSubject(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("subject must not be empty");
        }
        return subject;
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + encoded(subject);
    }

    private static String encoded(String subject) {
        // URLEncoder targets forms; in a path a space is %20, not '+'.
        return URLEncoder.encode(requireSubject(subject), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "...";
    }
}
