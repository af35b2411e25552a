package org.bluelight.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    record Shift(String officerId, Instant start, boolean driving) {
        public boolean isLong() {
            return true;
        }
    }

    private final Serde<Shift> serde = JsonSerde.of(Shift.class);

    @Test
    void roundTripsARecordWithItsInstantsAsEpochMillis() {
        Shift shift = new Shift("OFF-1", Instant.parse("2024-03-31T05:00:00.250Z"), true);

        byte[] bytes = serde.serializer().serialize("t", shift);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"start\":1711861200250");
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(shift);
    }

    @Test
    void readsInstantsWrittenAsIsoTextByEarlierVersions() {
        byte[] older = "{\"officerId\":\"OFF-1\",\"start\":\"2024-03-31T05:00:00.250Z\",\"driving\":true}".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("t", older))
                .isEqualTo(new Shift("OFF-1", Instant.parse("2024-03-31T05:00:00.250Z"), true));
    }

    @Test
    void keepsInstantsFinerThanAMillisecondExact() {
        Shift shift = new Shift("OFF-1", Instant.parse("2024-03-31T05:00:00.000000123Z"), true);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", shift))).isEqualTo(shift);
    }

    @Test
    void refusesAnInstantThatIsNeitherANumberNorIsoText() {
        byte[] bad = "{\"officerId\":\"OFF-1\",\"start\":\"yesterday\",\"driving\":true}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", bad)).isInstanceOf(SerializationException.class);
    }

    @Test
    void writesRecordComponentsButNotDerivedIsAccessors() {
        String json = new String(serde.serializer().serialize("t", new Shift("OFF-1", Instant.EPOCH, false)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"driving\":false").doesNotContain("long");
    }

    @Test
    void readsStoresWrittenWithPropertiesTheRecordNoLongerHas() {
        byte[] older = "{\"officerId\":\"OFF-1\",\"start\":\"1970-01-01T00:00:00Z\",\"driving\":true,\"long\":true,\"crew\":2}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("t", older)).isEqualTo(new Shift("OFF-1", Instant.EPOCH, true));
    }

    @Test
    void readsGenericValues() {
        Serde<Set<String>> links = JsonSerde.of(new TypeReference<Set<String>>() { });

        assertThat(links.deserializer().deserialize("t", links.serializer().serialize("t", Set.of("P1", "P2"))))
                .containsExactlyInAnyOrder("P1", "P2");
    }

    @Test
    void keepsNullsAsTombstones() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void refusesBytesThatAreNotTheTypeWithASerializationException() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("store-changelog", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("store-changelog");
    }
}
