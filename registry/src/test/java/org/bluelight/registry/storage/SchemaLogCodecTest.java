package org.bluelight.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bluelight.schemas.registry.Compatibility;
import org.junit.jupiter.api.Test;

class SchemaLogCodecTest {

    private final SchemaLogCodec codec = new SchemaLogCodec();

    @Test
    void eventsSurviveEncodingAndDecoding() {
        SchemaLogEvent claim = new SchemaLogEvent.SchemaRegistered("s-value", 2, 7, "\"string\"");
        SchemaLogEvent global = new SchemaLogEvent.CompatibilitySet(Optional.empty(), Compatibility.FULL);
        SchemaLogEvent subject = new SchemaLogEvent.CompatibilitySet(Optional.of("s-value"), Compatibility.NONE);

        for (SchemaLogEvent event : new SchemaLogEvent[] {claim, global, subject}) {
            assertThat(codec.decode(codec.key(event), codec.value(event))).hasValue(event);
        }
    }

    @Test
    void claimsShareAKeyOnlyWhenTheySayTheSameThing() {
        byte[] a = codec.key(new SchemaLogEvent.SchemaRegistered("s", 1, 1, "\"int\""));
        byte[] b = codec.key(new SchemaLogEvent.SchemaRegistered("s", 1, 1, "\"long\""));
        byte[] again = codec.key(new SchemaLogEvent.SchemaRegistered("s", 1, 1, "\"int\""));

        assertThat(a).isNotEqualTo(b).isEqualTo(again);
    }

    @Test
    void aTombstoneOrAnUnknownKeyTypeIsSkipped() {
        byte[] key = codec.key(new SchemaLogEvent.SchemaRegistered("s", 1, 1, "\"int\""));

        assertThat(codec.decode(key, null)).isEmpty();
        assertThat(codec.decode(utf8("{\"keytype\":\"NOOP\"}"), utf8("{}"))).isEmpty();
    }

    @Test
    void garbageIsRefusedWithAReason() {
        assertThatThrownBy(() -> codec.decode(utf8("not json"), utf8("{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> codec.decode(utf8("{\"keytype\":\"SCHEMA\"}"), utf8("{\"subject\":\"s\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
