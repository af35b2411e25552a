package org.bluelight.metrics.fsu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;
import org.bluelight.runtime.serde.DataText;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * A person's {@link PersonLedger} in its store, in a compact binary form ({@link StateFormat},
 * version {@value #VERSION}): every call, crime and custody record linking a person reads and
 * rewrites their whole ledger (a frequent service user's holds hundreds of entries), and as JSON
 * that was the largest cost of a replay. Enum values are written by name, so new symbols do not
 * shift old ones. Ledgers stored as JSON by earlier versions are still read.
 */
public final class PersonLedgerSerde {

    private static final byte VERSION = 1;

    private PersonLedgerSerde() {
    }

    public static Serde<PersonLedger> create() {
        return StateFormat.serde("a person's ledger", VERSION, PersonLedger.class, PersonLedgerSerde::write, PersonLedgerSerde::read);
    }

    private static void write(PersonLedger ledger, DataOutputStream out) throws IOException {
        out.writeInt(ledger.activities().size());
        for (Map.Entry<String, PersonActivity> entry : ledger.activities().entrySet()) {
            PersonActivity activity = entry.getValue();
            DataText.write(out, entry.getKey());
            out.writeUTF(activity.kind().name());
            StateFormat.writeInstant(out, activity.at());
            out.writeDouble(activity.resourceHours());
            writeNames(out, activity.roles());
            out.writeBoolean(activity.endAt() != null);
            if (activity.endAt() != null) {
                StateFormat.writeInstant(out, activity.endAt());
            }
            writeNames(out, activity.themes());
            writeOptional(out, activity.area());
            writeOptional(out, activity.homeArea());
        }
    }

    private static PersonLedger read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        int count = in.readInt();
        Map<String, PersonActivity> activities = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String key = DataText.read(in);
            PersonActivity.Kind kind = PersonActivity.Kind.valueOf(in.readUTF());
            Instant at = StateFormat.readInstant(in);
            double resourceHours = in.readDouble();
            Set<CrimeRole> roles = readNames(in, CrimeRole.class);
            Instant endAt = in.readBoolean() ? StateFormat.readInstant(in) : null;
            Set<SafeguardingTheme> themes = readNames(in, SafeguardingTheme.class);
            String area = readOptional(in);
            String homeArea = readOptional(in);
            activities.put(key, new PersonActivity(kind, at, resourceHours, roles, endAt, themes, area, homeArea));
        }
        return new PersonLedger(activities);
    }

    private static void writeNames(DataOutputStream out, Set<? extends Enum<?>> values) throws IOException {
        out.writeByte(values.size());
        for (Enum<?> value : values) {
            out.writeUTF(value.name());
        }
    }

    private static <E extends Enum<E>> Set<E> readNames(DataInputStream in, Class<E> type) throws IOException {
        int count = in.readUnsignedByte();
        Set<E> values = EnumSet.noneOf(type);
        for (int i = 0; i < count; i++) {
            values.add(Enum.valueOf(type, in.readUTF()));
        }
        return values;
    }

    private static void writeOptional(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            DataText.write(out, text);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? DataText.read(in) : null;
    }
}
