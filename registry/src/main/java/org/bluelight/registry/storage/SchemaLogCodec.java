package org.bluelight.registry.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.bluelight.schemas.registry.Compatibility;

/**
 * JSON keys and values of the schemas topic.
 *
 * <p>A schema claim's key names its subject, version, id and a hash of its schema text, so two
 * records share a key only if they say the same thing: compaction can drop either without
 * changing what a replay decides. A configuration record is keyed by its subject alone, so the
 * latest level wins.
 */
public final class SchemaLogCodec {

    static final String SCHEMA = "SCHEMA";
    static final String CONFIG = "CONFIG";

    private final ObjectMapper json = new ObjectMapper();

    public byte[] key(SchemaLogEvent event) {
        ObjectNode key = json.createObjectNode();
        if (event instanceof SchemaLogEvent.SchemaRegistered claim) {
            key.put("keytype", SCHEMA);
            key.put("subject", claim.subject());
            key.put("version", claim.version());
            key.put("id", claim.id());
            key.put("sha256", sha256(claim.schema()));
        } else {
            SchemaLogEvent.CompatibilitySet set = (SchemaLogEvent.CompatibilitySet) event;
            key.put("keytype", CONFIG);
            key.put("subject", set.subject().orElse(null));
        }
        return bytes(key);
    }

    public byte[] value(SchemaLogEvent event) {
        ObjectNode value = json.createObjectNode();
        if (event instanceof SchemaLogEvent.SchemaRegistered claim) {
            value.put("subject", claim.subject());
            value.put("version", claim.version());
            value.put("id", claim.id());
            value.put("schema", claim.schema());
        } else {
            SchemaLogEvent.CompatibilitySet set = (SchemaLogEvent.CompatibilitySet) event;
            value.put("subject", set.subject().orElse(null));
            value.put("compatibilityLevel", set.level().name());
        }
        return bytes(value);
    }

    /**
     * The event a record holds; empty for a tombstone or a key type this version does not know.
     *
     * @throws IllegalArgumentException if the record is not valid JSON of a known shape
     */
    public Optional<SchemaLogEvent> decode(byte[] key, byte[] value) {
        if (key == null) {
            throw new IllegalArgumentException("record has no key");
        }
        if (value == null) {
            return Optional.empty();
        }
        JsonNode keyNode = read(key);
        JsonNode valueNode = read(value);
        String keyType = keyNode.path("keytype").asText("");
        if (SCHEMA.equals(keyType)) {
            return Optional.of(new SchemaLogEvent.SchemaRegistered(
                    text(valueNode, "subject"), integer(valueNode, "version"), integer(valueNode, "id"),
                    text(valueNode, "schema")));
        }
        if (CONFIG.equals(keyType)) {
            JsonNode subject = keyNode.get("subject");
            return Optional.of(new SchemaLogEvent.CompatibilitySet(
                    subject == null || subject.isNull() ? Optional.empty() : Optional.of(subject.asText()),
                    Compatibility.parse(text(valueNode, "compatibilityLevel"))));
        }
        return Optional.empty();
    }

    private JsonNode read(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new IllegalArgumentException("missing integer field " + field);
        }
        return value.intValue();
    }

    private byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
