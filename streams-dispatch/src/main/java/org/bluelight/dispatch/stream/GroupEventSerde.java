package org.bluelight.dispatch.stream;

import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.serde.JsonSerde;

/**
 * Group events on the {@value DispatchTopology#GROUP_EVENTS} repartition topic. A unit's update, nearly all
 * of them (one for each fix that goes on), is {@link OfficerSerde}'s binary form behind the byte
 * {@value #OFFICER_UPDATED}: as JSON, reading it back was the telematics path's largest cost after Kafka
 * Streams' own. The others stay JSON, which every event was before and which is still read (it starts with '{').
 * Public for {@code bench dispatch --by-hop}, which reads the repartition topic to time an incident's first hop.
 */
public final class GroupEventSerde {

    private static final byte OFFICER_UPDATED = 'U';
    private static final Serde<Officer> OFFICERS = OfficerSerde.create();
    private static final Serde<GroupEvent> JSON = JsonSerde.of(GroupEvent.class);

    private GroupEventSerde() {
    }

    public static Serde<GroupEvent> create() {
        Serializer<GroupEvent> serializer = (topic, event) -> {
            if (!(event instanceof GroupEvent.OfficerUpdated updated)) {
                return JSON.serializer().serialize(topic, event);
            }
            byte[] officer = OFFICERS.serializer().serialize(topic, updated.officer());
            byte[] bytes = new byte[officer.length + 1];
            bytes[0] = OFFICER_UPDATED;
            System.arraycopy(officer, 0, bytes, 1, officer.length);
            return bytes;
        };
        Deserializer<GroupEvent> deserializer = (topic, bytes) -> bytes != null && bytes.length > 0 && bytes[0] == OFFICER_UPDATED
                ? new GroupEvent.OfficerUpdated(OFFICERS.deserializer().deserialize(topic, Arrays.copyOfRange(bytes, 1, bytes.length)))
                : JSON.deserializer().deserialize(topic, bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
