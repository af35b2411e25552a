package org.bluelight.metrics.trial;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;
import org.bluelight.runtime.serde.DataText;
import org.bluelight.schemas.TrialArm;

/**
 * A {@link HotSpotDayChange} on the {@code hotspot-day-changes} repartition topic, in the binary
 * form of {@link StateFormat} (version {@value #VERSION}): every count, dosage and arm change goes
 * this way. Changes written as JSON by earlier versions are still read.
 */
public final class HotSpotDayChangeSerde {

    private static final byte VERSION = 1;

    private HotSpotDayChangeSerde() {
    }

    public static Serde<HotSpotDayChange> create() {
        return StateFormat.serde("a hot-spot-day change", VERSION, HotSpotDayChange.class, HotSpotDayChangeSerde::write,
                HotSpotDayChangeSerde::read);
    }

    private static void write(HotSpotDayChange change, DataOutputStream out) throws IOException {
        DataText.write(out, change.hotSpotId());
        out.writeLong(change.trialDay().toEpochDay());
        out.writeByte(change.countChanges().size());
        for (Map.Entry<Outcome, Integer> count : change.countChanges().entrySet()) {
            out.writeUTF(count.getKey().name());
            out.writeInt(count.getValue());
        }
        out.writeDouble(change.patrolMinutes());
        out.writeInt(change.patrolVisits());
        StateFormat.writeOptionalName(out, change.arm());
        StateFormat.writeInstant(out, change.at());
    }

    private static HotSpotDayChange read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        String hotSpotId = DataText.read(in);
        LocalDate trialDay = LocalDate.ofEpochDay(in.readLong());
        int count = in.readUnsignedByte();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (int i = 0; i < count; i++) {
            counts.put(Outcome.valueOf(in.readUTF()), in.readInt());
        }
        double patrolMinutes = in.readDouble();
        int patrolVisits = in.readInt();
        TrialArm arm = StateFormat.readOptionalName(in, TrialArm.class);
        Instant at = StateFormat.readInstant(in);
        return new HotSpotDayChange(hotSpotId, trialDay, counts, patrolMinutes, patrolVisits, arm, at);
    }
}
