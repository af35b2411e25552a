package org.bluelight.metrics.response;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;
import org.bluelight.runtime.serde.DataText;
import org.bluelight.schemas.OfficerState;

/**
 * A dispatch group's {@link GroupAvailability} in its store, in a compact binary form
 * ({@link StateFormat}), and each window's {@link GroupAvailability.Occupancy} in the store the KPI
 * task now keeps them in: every status change of the group reads and rewrites the group, and when
 * the group held the occupancy of each window still in its grace period (a week's hourly windows in
 * a replay) that was the KPI task's largest cost. Groups stored as JSON by earlier versions are
 * still read, and both binary versions: {@value #WITHOUT_STEPS} before recent steps were kept,
 * {@value #VERSION} now.
 */
public final class GroupAvailabilitySerde {

    private static final byte WITHOUT_STEPS = 1;
    private static final byte VERSION = 2;
    private static final byte OCCUPANCY_VERSION = 1;
    private static final byte DAY_VERSION = 1;

    private GroupAvailabilitySerde() {
    }

    public static Serde<GroupAvailability> create() {
        return StateFormat.serde("a group's availability", VERSION, GroupAvailability.class,
                GroupAvailabilitySerde::write, GroupAvailabilitySerde::read);
    }

    /** One window's occupancy in the KPI task's store of them, written as a group writes its windows. */
    public static Serde<GroupAvailability.Occupancy> occupancy() {
        return StateFormat.serde("a window's occupancy", OCCUPANCY_VERSION, GroupAvailability.Occupancy.class,
                GroupAvailabilitySerde::writeOccupancy, (version, in) -> {
                    if (version != OCCUPANCY_VERSION) {
                        throw new IOException("unknown format " + version);
                    }
                    return readOccupancy(in);
                });
    }

    /** The occupancy of a group's windows starting on one day, in the KPI task's store of them. */
    public static Serde<DayOccupancy> dayOccupancy() {
        return StateFormat.serde("a day's occupancy", DAY_VERSION, DayOccupancy.class,
                (day, out) -> writeWindows(day.windows(), out), (version, in) -> {
                    if (version != DAY_VERSION) {
                        throw new IOException("unknown format " + version);
                    }
                    return new DayOccupancy(readWindows(in));
                });
    }

    private static void write(GroupAvailability group, DataOutputStream out) throws IOException {
        out.writeInt(group.officers().size());
        for (Map.Entry<String, OfficerState> officer : group.officers().entrySet()) {
            DataText.write(out, officer.getKey());
            out.writeUTF(officer.getValue().name());
        }
        out.writeBoolean(group.lastAt() != null);
        if (group.lastAt() != null) {
            StateFormat.writeInstant(out, group.lastAt());
        }
        writeWindows(group.windows(), out);
        out.writeInt(group.steps().size());
        for (GroupAvailability.Step step : group.steps()) {
            StateFormat.writeInstant(out, step.from());
            out.writeLong(step.available());
            out.writeLong(step.busy());
        }
    }

    private static GroupAvailability read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION && version != WITHOUT_STEPS) {
            throw new IOException("unknown format " + version);
        }
        int officerCount = in.readInt();
        Map<String, OfficerState> officers = new HashMap<>();
        for (int i = 0; i < officerCount; i++) {
            officers.put(DataText.read(in), OfficerState.valueOf(in.readUTF()));
        }
        Instant lastAt = in.readBoolean() ? StateFormat.readInstant(in) : null;
        Map<String, GroupAvailability.Occupancy> windows = readWindows(in);
        List<GroupAvailability.Step> steps = new ArrayList<>();
        int stepCount = version == WITHOUT_STEPS ? 0 : in.readInt();
        for (int i = 0; i < stepCount; i++) {
            steps.add(new GroupAvailability.Step(StateFormat.readInstant(in), in.readLong(), in.readLong()));
        }
        return new GroupAvailability(officers, lastAt, windows, steps);
    }

    private static void writeWindows(Map<String, GroupAvailability.Occupancy> windows, DataOutputStream out) throws IOException {
        out.writeInt(windows.size());
        for (Map.Entry<String, GroupAvailability.Occupancy> window : windows.entrySet()) {
            out.writeUTF(window.getKey());
            writeOccupancy(window.getValue(), out);
        }
    }

    private static Map<String, GroupAvailability.Occupancy> readWindows(DataInputStream in) throws IOException {
        int count = in.readInt();
        Map<String, GroupAvailability.Occupancy> windows = new HashMap<>();
        for (int i = 0; i < count; i++) {
            windows.put(DataText.read(in), readOccupancy(in));
        }
        return windows;
    }

    private static void writeOccupancy(GroupAvailability.Occupancy occupancy, DataOutputStream out) throws IOException {
        StateFormat.writeInstant(out, occupancy.end());
        out.writeDouble(occupancy.availableSeconds());
        out.writeDouble(occupancy.busySeconds());
        out.writeDouble(occupancy.observedSeconds());
    }

    private static GroupAvailability.Occupancy readOccupancy(DataInputStream in) throws IOException {
        return new GroupAvailability.Occupancy(StateFormat.readInstant(in), in.readDouble(), in.readDouble(), in.readDouble());
    }
}
