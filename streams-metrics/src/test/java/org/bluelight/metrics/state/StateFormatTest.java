package org.bluelight.metrics.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.DataText;
import org.junit.jupiter.api.Test;

class StateFormatTest {

    /** A value to store: a name and when. */
    record Stamp(String name, Instant at) {
    }

    private final Serde<Stamp> serde = StateFormat.serde("a stamp", (byte) 1, Stamp.class,
            (stamp, out) -> {
                DataText.write(out, stamp.name());
                StateFormat.writeInstant(out, stamp.at());
            },
            (version, in) -> {
                if (version != 1) {
                    throw new IOException("unknown format " + version);
                }
                return new Stamp(DataText.read(in), StateFormat.readInstant(in));
            });

    @Test
    void roundTripsAValueWithTextLongerThanWriteUtfHolds() {
        Stamp stamp = new Stamp("é".repeat(40_000), Instant.parse("2024-05-01T10:00:00.000000123Z"));

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", stamp))).isEqualTo(stamp);
    }

    @Test
    void readsValuesStoredAsJson() {
        byte[] json = "{\"name\":\"O1\",\"at\":\"2024-05-01T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(new Stamp("O1", Instant.parse("2024-05-01T10:00:00Z")));
    }

    @Test
    void refusesTruncatedTrailingAndUnknownBytesNamingTheTopic() {
        byte[] written = serde.serializer().serialize("t", new Stamp("O1", Instant.EPOCH));
        byte[] longer = java.util.Arrays.copyOf(written, written.length + 1);

        assertThatThrownBy(() -> serde.deserializer().deserialize("store-changelog", java.util.Arrays.copyOf(written, 5)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("store-changelog");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", longer))
                .isInstanceOf(SerializationException.class).hasStackTraceContaining("1 bytes after a stamp");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
