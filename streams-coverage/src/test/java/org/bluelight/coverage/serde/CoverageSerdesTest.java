package org.bluelight.coverage.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellDeltas;
import org.bluelight.coverage.cell.CellIncident;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.coverage.cell.CellState;
import org.bluelight.coverage.impact.OfficerImpact;
import org.bluelight.coverage.impact.ReachSize;
import org.bluelight.coverage.impact.SoleCoverChange;
import org.bluelight.coverage.reach.OfficerReach;
import org.bluelight.coverage.reach.Reach;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.Test;

class CoverageSerdesTest {

    private static final Instant T = Instant.parse("2025-03-03T10:00:00Z");
    private static final ReachProfile VAN = new ReachProfile(Transport.VAN, DrivingStandard.ADVANCED);

    @Test
    void everyStateAndSignalReadsBackAsWritten() {
        roundTrip(CoverageSerdes.cellSignal(), new CellDelta(42L, "a", -1, true));
        roundTrip(CoverageSerdes.cellSignal(), new CellIncident(42L, "inc-1", T, false));
        roundTrip(CoverageSerdes.impactSignal(), new SoleCoverChange("a", 42L, true, 0.25));
        roundTrip(CoverageSerdes.impactSignal(), new ReachSize("a", 1234));
        roundTrip(CoverageSerdes.cellState(), new CellState(1, 0, "a", Map.of("inc-1", T), 0.5));
        roundTrip(CoverageSerdes.cellState(), new CellState(3, 2, null, Map.of(), 0));
        roundTrip(CoverageSerdes.officerImpact(), new OfficerImpact(Map.of(1L, 0.5, 2L, 0.25), 17));
        Reach reach = new Reach(new GeoPoint(42.5, 1.5), OptionalLong.of(77), VAN, CellSet.of(5, 3, 9), T);
        roundTrip(CoverageSerdes.officerReach(), new OfficerReach(true, false, VAN, new GeoPoint(42.51, 1.52), T, reach));
        roundTrip(CoverageSerdes.officerReach(), OfficerReach.unknown());
        roundTrip(CoverageSerdes.cellSet(), CellSet.of(7, 1, 3));
        roundTrip(CoverageSerdes.cellSet(), CellSet.empty());
        roundTrip(CoverageSerdes.officerReach(), new OfficerReach(true, true, VAN, new GeoPoint(42.5, 1.5), T,
                new Reach(new GeoPoint(42.5, 1.5), OptionalLong.empty(), VAN, CellSet.empty(), T)));
    }

    @Test
    void aTextLongerThanWriteUtfHoldsIsWrittenAndReadBackAndShortTextsKeepTheirOldLayout() throws IOException {
        String huge = "\u00e9".repeat(100_000);
        roundTrip(CoverageSerdes.cellSignal(), new CellDelta(42L, huge, 1, true));
        roundTrip(CoverageSerdes.cellState(), new CellState(1, 0, huge, Map.of(huge + "-inc", T), 0.5));
        roundTrip(CoverageSerdes.impactSignal(), new ReachSize("x".repeat(65_535), 3));

        ByteArrayOutputStream before = new ByteArrayOutputStream();
        new DataOutputStream(before).writeUTF("officer-\u0000-\uD83D\uDE93");
        ByteArrayOutputStream now = new ByteArrayOutputStream();
        CodecSerde.writeText(new DataOutputStream(now), "officer-\u0000-\uD83D\uDE93");
        assertThat(now.toByteArray()).isEqualTo(before.toByteArray());
    }

    @Test
    void anOfficersDeltasInSeveralCellsReadBackAsWrittenAndAnOversizedCountIsATypedError() {
        roundTrip(CoverageSerdes.cellSignal(), new CellDeltas(List.of(new CellDelta(42L, "a", -1, false),
                new CellDelta(43L, "a", 1, false), new CellDelta(44L, "a", 0, false))));
        byte[] tooMany = {1, 3, 0, 1, 'a', 1, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> CoverageSerdes.cellSignal().deserializer().deserialize("t", tooMany))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cell signal");
        assertThatThrownBy(() -> new CellDeltas(List.of(new CellDelta(42L, "a", 1, true), new CellDelta(43L, "b", 1, true))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesThatAreNotOursAreATypedError() {
        assertThatThrownBy(() -> CoverageSerdes.cellState().deserializer().deserialize("t", new byte[] {9, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format version 9");
        assertThatThrownBy(() -> CoverageSerdes.cellSignal().deserializer().deserialize("t", new byte[] {1, 7}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cell signal");
    }

    private static <T> void roundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(value);
    }
}
