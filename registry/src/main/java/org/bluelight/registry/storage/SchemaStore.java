package org.bluelight.registry.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bluelight.schemas.registry.Compatibility;

/**
 * The registry's state, rebuilt by applying the schemas topic in order. Thread-safe: the log
 * reader applies while HTTP threads query.
 *
 * <p>A {@link SchemaLogEvent.SchemaRegistered} claim is applied only if it is consistent with
 * everything before it: its version is the subject's next one, the schema is not already under
 * the subject, its id is not used by another schema, and the schema has no other id. Otherwise
 * it is ignored. Racing writers therefore resolve to the claim that reached the log first.
 */
public final class SchemaStore {

    /** One version of a subject. */
    public record Version(String subject, int version, int id, String schema) {}

    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> idsBySubjectVersion = new HashMap<>();
    private final Map<String, Compatibility> subjectCompatibility = new HashMap<>();
    private Compatibility globalCompatibility;
    private int maxId;

    public SchemaStore(Compatibility defaultCompatibility) {
        this.globalCompatibility = defaultCompatibility;
    }

    /** Applies an event; returns whether it changed the state (a refused claim does not). */
    public synchronized boolean apply(SchemaLogEvent event) {
        if (event instanceof SchemaLogEvent.SchemaRegistered claim) {
            return applyClaim(claim);
        }
        SchemaLogEvent.CompatibilitySet set = (SchemaLogEvent.CompatibilitySet) event;
        if (set.subject().isPresent()) {
            subjectCompatibility.put(set.subject().get(), set.level());
        } else {
            globalCompatibility = set.level();
        }
        return true;
    }

    private boolean applyClaim(SchemaLogEvent.SchemaRegistered claim) {
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.getOrDefault(claim.subject(), new TreeMap<>());
        int nextVersion = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        String schemaWithId = schemasById.get(claim.id());
        Integer idOfSchema = idsBySchema.get(claim.schema());
        boolean valid = claim.version() == nextVersion
                && claim.id() > 0
                && (schemaWithId == null || schemaWithId.equals(claim.schema()))
                && (idOfSchema == null || idOfSchema == claim.id())
                && !versions.containsValue(claim.id());
        if (!valid) {
            return false;
        }
        schemasById.put(claim.id(), claim.schema());
        idsBySchema.put(claim.schema(), claim.id());
        idsBySubjectVersion.computeIfAbsent(claim.subject(), s -> new TreeMap<>()).put(claim.version(), claim.id());
        maxId = Math.max(maxId, claim.id());
        return true;
    }

    public synchronized Optional<String> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The id the schema has anywhere in the registry. */
    public synchronized OptionalInt idOf(String schema) {
        Integer id = idsBySchema.get(schema);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The id a new schema would get. */
    public synchronized int nextId() {
        return maxId + 1;
    }

    public synchronized boolean hasSubject(String subject) {
        return idsBySubjectVersion.containsKey(subject);
    }

    /** The version of the subject holding the schema, if any. */
    public synchronized Optional<Version> find(String subject, String schema) {
        Integer id = idsBySchema.get(schema);
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (id == null || versions == null) {
            return Optional.empty();
        }
        return versions.entrySet().stream()
                .filter(entry -> entry.getValue().equals(id))
                .findFirst()
                .map(entry -> new Version(subject, entry.getKey(), id, schema));
    }

    public synchronized Optional<Version> version(String subject, int version) {
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (versions == null || !versions.containsKey(version)) {
            return Optional.empty();
        }
        int id = versions.get(version);
        return Optional.of(new Version(subject, version, id, schemasById.get(id)));
    }

    public synchronized Optional<Version> latest(String subject) {
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        return versions == null ? Optional.empty() : version(subject, versions.lastKey());
    }

    /** Every version of the subject, oldest first; empty if the subject is unknown. */
    public synchronized List<Version> versions(String subject) {
        List<Version> result = new ArrayList<>();
        TreeMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
        if (versions != null) {
            versions.forEach((version, id) -> result.add(new Version(subject, version, id, schemasById.get(id))));
        }
        return result;
    }

    /** Subjects with at least one version, sorted. */
    public synchronized List<String> subjects() {
        return List.copyOf(new TreeSet<>(idsBySubjectVersion.keySet()));
    }

    public synchronized Optional<Compatibility> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    public synchronized Compatibility globalCompatibility() {
        return globalCompatibility;
    }

    /** The level in force for the subject: its own, else the global one. */
    public synchronized Compatibility compatibility(String subject) {
        return subjectCompatibility.getOrDefault(subject, globalCompatibility);
    }
}
