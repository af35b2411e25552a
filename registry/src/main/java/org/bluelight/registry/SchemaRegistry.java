package org.bluelight.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.bluelight.registry.storage.KafkaSchemaLog;
import org.bluelight.registry.storage.SchemaLogEvent;
import org.bluelight.registry.storage.SchemaStore;
import org.bluelight.schemas.registry.Compatibility;
import org.bluelight.schemas.registry.RegistryException;

/**
 * The registry's operations, with Confluent's semantics and error codes (thrown as
 * {@link RegistryException}).
 *
 * <p>Guarantees, for any number of servers sharing one schemas topic: an id always names one
 * schema, the same schema text has one id in every subject, a subject's versions are 1, 2, 3...
 * with no gaps, and each version passed the compatibility check against the versions that
 * precede it in the log. A writer allocates after catching up to the end of the topic, appends
 * its claim, reads the topic back to its claim, and retries if another server's claim got there
 * first. Reads are served from this server's copy: a registration made through another server
 * shows up within the reader's poll interval, and a lookup that misses (unknown id, version or
 * schema) first catches up with the topic, so a client that registered through one server and
 * reads through another sees its schema.
 */
public final class SchemaRegistry {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_CLAIM_ATTEMPTS = 10;

    private final SchemaStore store;
    private final KafkaSchemaLog log;
    private final Object writeLock = new Object();

    public SchemaRegistry(SchemaStore store, KafkaSchemaLog log) {
        this.store = store;
        this.log = log;
    }

    /** Registers the schema under the subject, or returns its id if it is already there. */
    public int register(String subject, String schemaText) {
        String schema = canonical(schemaText);
        Optional<SchemaStore.Version> existing = store.find(subject, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        synchronized (writeLock) {
            for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
                catchUp();
                existing = store.find(subject, schema);
                if (existing.isPresent()) {
                    return existing.get().id();
                }
                List<String> problems = CompatibilityChecker.problems(store.compatibility(subject), parse(schema),
                        store.versions(subject).stream().map(version -> parse(version.schema())).toList());
                if (!problems.isEmpty()) {
                    throw new RegistryException(409, RegistryException.INCOMPATIBLE_SCHEMA,
                            "Schema being registered is incompatible with an earlier schema for subject \""
                                    + subject + "\", details: " + problems);
                }
                OptionalInt knownId = store.idOf(schema);
                int id = knownId.isPresent() ? knownId.getAsInt() : store.nextId();
                int version = store.latest(subject).map(latest -> latest.version() + 1).orElse(1);
                append(new SchemaLogEvent.SchemaRegistered(subject, version, id, schema));
                Optional<SchemaStore.Version> written = store.version(subject, version);
                if (written.isPresent() && written.get().id() == id && written.get().schema().equals(schema)) {
                    return id;
                }
                // Another server's claim reached the log first: look again with its result applied.
            }
        }
        throw new RegistryException(500, RegistryException.INTERNAL_ERROR, "Could not register under subject \""
                + subject + "\": lost " + MAX_CLAIM_ATTEMPTS + " races with other registry servers");
    }

    /** The version of the subject holding the schema. */
    public SchemaStore.Version lookup(String subject, String schemaText) {
        String schema = canonical(schemaText);
        Optional<SchemaStore.Version> found = store.find(subject, schema);
        if (found.isEmpty()) {
            catchUp();
            found = store.find(subject, schema);
        }
        if (found.isPresent()) {
            return found.get();
        }
        if (!store.hasSubject(subject)) {
            throw subjectNotFound(subject);
        }
        throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema not found");
    }

    public String schemaById(int id) {
        Optional<String> schema = store.schema(id);
        if (schema.isEmpty()) {
            catchUp();
            schema = store.schema(id);
        }
        return schema.orElseThrow(() ->
                new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found"));
    }

    /** A version by number, or {@code latest} / {@code -1}. */
    public SchemaStore.Version version(String subject, String versionText) {
        Optional<Integer> number = versionNumber(versionText);
        Optional<SchemaStore.Version> found = number.isEmpty() ? store.latest(subject)
                : store.version(subject, number.get());
        if (found.isEmpty()) {
            catchUp();
            found = number.isEmpty() ? store.latest(subject) : store.version(subject, number.get());
        }
        if (found.isPresent()) {
            return found.get();
        }
        if (!store.hasSubject(subject)) {
            throw subjectNotFound(subject);
        }
        throw new RegistryException(404, RegistryException.VERSION_NOT_FOUND,
                "Version " + versionText + " not found.");
    }

    public List<Integer> versions(String subject) {
        List<SchemaStore.Version> versions = store.versions(subject);
        if (versions.isEmpty()) {
            throw subjectNotFound(subject);
        }
        return versions.stream().map(SchemaStore.Version::version).toList();
    }

    public List<String> subjects() {
        return store.subjects();
    }

    /**
     * Why the schema could not be registered under the subject now, checked against one version
     * ({@code latest} or a number; every version for a _TRANSITIVE level when {@code latest}) or
     * against all versions when {@code versionText} is empty. Empty if it could.
     */
    public List<String> compatibilityProblems(String subject, Optional<String> versionText, String schemaText) {
        Schema candidate = parse(canonical(schemaText));
        Compatibility level = store.compatibility(subject);
        List<SchemaStore.Version> earlier;
        if (versionText.isEmpty()) {
            earlier = store.versions(subject);
            level = level.transitive() ? level : transitiveOf(level);
        } else {
            Optional<Integer> number = versionNumber(versionText.get());
            if (number.isEmpty()) {
                earlier = level.transitive() ? store.versions(subject) : store.latest(subject).stream().toList();
            } else {
                earlier = List.of(version(subject, versionText.get()));
                level = nonTransitiveOf(level);
            }
        }
        return CompatibilityChecker.problems(level, candidate,
                earlier.stream().map(version -> parse(version.schema())).toList());
    }

    public Compatibility globalCompatibility() {
        return store.globalCompatibility();
    }

    public Optional<Compatibility> subjectCompatibility(String subject) {
        return store.subjectCompatibility(subject);
    }

    public void setGlobalCompatibility(Compatibility level) {
        synchronized (writeLock) {
            append(new SchemaLogEvent.CompatibilitySet(Optional.empty(), level));
        }
    }

    public void setSubjectCompatibility(String subject, Compatibility level) {
        synchronized (writeLock) {
            append(new SchemaLogEvent.CompatibilitySet(Optional.of(subject), level));
        }
    }

    private void append(SchemaLogEvent event) {
        try {
            log.append(event, WRITE_TIMEOUT);
        } catch (IllegalStateException e) {
            throw new RegistryException(500, RegistryException.INTERNAL_ERROR,
                    "Error in the backend data store: " + e.getMessage());
        }
    }

    private void catchUp() {
        try {
            log.awaitCaughtUp(WRITE_TIMEOUT);
        } catch (IllegalStateException e) {
            throw new RegistryException(500, RegistryException.INTERNAL_ERROR,
                    "Error in the backend data store: " + e.getMessage());
        }
    }

    private static Compatibility transitiveOf(Compatibility level) {
        return switch (level) {
            case BACKWARD -> Compatibility.BACKWARD_TRANSITIVE;
            case FORWARD -> Compatibility.FORWARD_TRANSITIVE;
            case FULL -> Compatibility.FULL_TRANSITIVE;
            default -> level;
        };
    }

    private static Compatibility nonTransitiveOf(Compatibility level) {
        return switch (level) {
            case BACKWARD_TRANSITIVE -> Compatibility.BACKWARD;
            case FORWARD_TRANSITIVE -> Compatibility.FORWARD;
            case FULL_TRANSITIVE -> Compatibility.FULL;
            default -> level;
        };
    }

    /** Empty for the latest version. */
    private static Optional<Integer> versionNumber(String versionText) {
        if ("latest".equals(versionText)) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(versionText);
            if (number == -1) {
                return Optional.empty();
            }
            if (number >= 1) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // Falls through to the error below.
        }
        throw new RegistryException(422, RegistryException.INVALID_VERSION, "The specified version '" + versionText
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, RegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    /** The schema's canonical text (Avro's {@code Schema.toString()}), so equal schemas share an id. */
    static String canonical(String schemaText) {
        return parse(schemaText).toString();
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Invalid schema: empty");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (AvroRuntimeException e) {
            throw new RegistryException(422, RegistryException.INVALID_SCHEMA, "Invalid schema " + schemaText
                    + ", details: " + e.getMessage());
        }
    }
}
