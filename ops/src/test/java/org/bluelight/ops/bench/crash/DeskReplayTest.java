package org.bluelight.ops.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.dispatch.stream.GroupEvent;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.testkit.PlainAvroSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskReplayTest {

    private static final AppSerdes SERDES = new AppSerdes(PlainAvroSerdes.INSTANCE);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void eachPartitionIsReplayedInOffsetOrderOnADeskOfItsOwnAndRefusedInputIsSkippedAsInTheApp() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> deskInput = List.of(
                // Listed out of offset order: replayed in offset order (reported, then closed), as the desk read them, the
                // incident is withdrawn; closed before it was reported, it would have stayed open.
                record(0, 2, "NORTH", new GroupEvent.IncidentChanged(incident("I1", "NORTH"), IncidentEventType.CLOSED), 20),
                record(0, 1, "NORTH", new GroupEvent.IncidentChanged(incident("I1", "NORTH"), IncidentEventType.REPORTED), 10),
                // Refused by the desk (no such open incident): dead-lettered, and the partition goes on, as in the app.
                record(0, 0, "NORTH", new GroupEvent.AssignmentMade("I9", AssignmentAction.ASSIGNED, List.of("O1")), 5),
                // Another partition: replayed on a desk (a driver, stores and all) of its own.
                record(1, 0, "SOUTH", new GroupEvent.IncidentChanged(incident("I2", "SOUTH"), IncidentEventType.REPORTED), 30));

        Map<String, List<String>> revisions = DeskReplay.recommendations(deskInput, () -> DispatchTopology.desk(CrashOutputs.DESK_INPUTS,
                SERDES, DispatchRules.defaults(), DeskLimits.defaults(), (target, journeys, departure) -> Map.of()), SERDES, stateDir);

        assertThat(revisions).containsOnlyKeys("I1", "I2");
        assertThat(revisions.get("I1")).hasSize(2);
        assertThat(revisions.get("I1").get(0)).startsWith("1 ").contains("\"status\": \"NO_CANDIDATE\"");
        assertThat(revisions.get("I1").get(1)).startsWith("2 ").contains("\"status\": \"WITHDRAWN\"");
        assertThat(revisions.get("I2")).singleElement().asString().startsWith("1 ").contains("\"dispatchGroup\": \"SOUTH\"");
    }

    private static Incident incident(String id, String group) {
        return new Incident(id, 1, AT, new GeoPoint(42.5, 1.5), "area", group, 1, false, null);
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String group, GroupEvent event, long secondsOn) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(CrashOutputs.DESK_INPUTS, partition, offset,
                group.getBytes(StandardCharsets.UTF_8), JsonSerde.of(GroupEvent.class).serializer().serialize(CrashOutputs.DESK_INPUTS, event));
        return new ConsumerRecord<>(record.topic(), partition, offset, AT.plusSeconds(secondsOn).toEpochMilli(),
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, record.key(), record.value(), record.headers(),
                java.util.Optional.empty());
    }
}
