package org.bluelight.metrics.response;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.OfficerState;

/**
 * A dispatch group's {@link GroupAvailability} in its store, in a compact binary form: every status
 * change of the group reads and rewrites it with the occupancy of each window still in its grace
 * period (a week's hourly windows in a replay), and as JSON that was the metrics app's largest
 * cost. Groups stored as JSON by earlier versions are still read (JSON starts with '{', this
 * form with its version: {@value #WITHOUT_STEPS} before recent steps were kept, {@value #VERSION} now).
 */
public final class GroupAvailabilitySerde {

    private static final byte WITHOUT_STEPS = 1;
    private static final byte VERSION = 2;
    private static final Deserializer<GroupAvailability> JSON = JsonSerde.of(GroupAvailability.class).deserializer();

    private GroupAvailabilitySerde() {
    }

    public static Serde<GroupAvailability> create() {
        Serializer<GroupAvailability> serializer = (topic, group) -> group == null ? null : write(group);
        Deserializer<GroupAvailability> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return JSON.deserialize(topic, bytes);
            }
            try {
                return read(bytes);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read a group's availability on " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] write(GroupAvailability group) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 48 * group.windows().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(group.officers().size());
            for (Map.Entry<String, OfficerState> officer : group.officers().entrySet()) {
                out.writeUTF(officer.getKey());
                out.writeUTF(officer.getValue().name());
            }
            out.writeBoolean(group.lastAt() != null);
            if (group.lastAt() != null) {
                writeInstant(out, group.lastAt());
            }
            out.writeInt(group.windows().size());
            for (Map.Entry<String, GroupAvailability.Occupancy> window : group.windows().entrySet()) {
                GroupAvailability.Occupancy occupancy = window.getValue();
                out.writeUTF(window.getKey());
                writeInstant(out, occupancy.end());
                out.writeDouble(occupancy.availableSeconds());
                out.writeDouble(occupancy.busySeconds());
                out.writeDouble(occupancy.observedSeconds());
            }
            out.writeInt(group.steps().size());
            for (GroupAvailability.Step step : group.steps()) {
                writeInstant(out, step.from());
                out.writeLong(step.available());
                out.writeLong(step.busy());
            }
        } catch (IOException e) {
            throw new SerializationException("cannot write a group's availability", e);
        }
        return bytes.toByteArray();
    }

    private static GroupAvailability read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte version = in.readByte();
        if (version != VERSION && version != WITHOUT_STEPS) {
            throw new IOException("unknown format " + version);
        }
        int officerCount = in.readInt();
        Map<String, OfficerState> officers = new HashMap<>();
        for (int i = 0; i < officerCount; i++) {
            officers.put(in.readUTF(), OfficerState.valueOf(in.readUTF()));
        }
        Instant lastAt = in.readBoolean() ? readInstant(in) : null;
        int windowCount = in.readInt();
        Map<String, GroupAvailability.Occupancy> windows = new HashMap<>();
        for (int i = 0; i < windowCount; i++) {
            windows.put(in.readUTF(), new GroupAvailability.Occupancy(readInstant(in), in.readDouble(), in.readDouble(), in.readDouble()));
        }
        List<GroupAvailability.Step> steps = new ArrayList<>();
        int stepCount = version == WITHOUT_STEPS ? 0 : in.readInt();
        for (int i = 0; i < stepCount; i++) {
            steps.add(new GroupAvailability.Step(readInstant(in), in.readLong(), in.readLong()));
        }
        if (in.available() > 0) {
            throw new IOException(in.available() + " bytes after the group's availability");
        }
        return new GroupAvailability(officers, lastAt, windows, steps);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
