package org.bluelight.metrics.fsu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
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

    /** One ledger entry on its own, as the FSU task now stores them (one per person and source), written as a ledger writes it. */
    public static Serde<PersonActivity> activity() {
        return StateFormat.serde("a person's activity", VERSION, PersonActivity.class, PersonLedgerSerde::writeActivity, (version, in) -> {
            if (version != VERSION) {
                throw new IOException("unknown format " + version);
            }
            return readActivity(in);
        });
    }

    private static void write(PersonLedger ledger, DataOutputStream out) throws IOException {
        out.writeInt(ledger.activities().size());
        for (Map.Entry<String, PersonActivity> entry : ledger.activities().entrySet()) {
            DataText.write(out, entry.getKey());
            writeActivity(entry.getValue(), out);
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
            activities.put(key, readActivity(in));
        }
        return new PersonLedger(activities);
    }

    /** One activity as a ledger holds it, also what a {@link PersonUpdate} carries. */
    static void writeActivity(PersonActivity activity, DataOutputStream out) throws IOException {
        out.writeUTF(activity.kind().name());
        StateFormat.writeInstant(out, activity.at());
        out.writeDouble(activity.resourceHours());
        StateFormat.writeNames(out, activity.roles());
        StateFormat.writeOptionalInstant(out, activity.endAt());
        StateFormat.writeNames(out, activity.themes());
        StateFormat.writeOptionalText(out, activity.area());
        StateFormat.writeOptionalText(out, activity.homeArea());
    }

    static PersonActivity readActivity(DataInputStream in) throws IOException {
        PersonActivity.Kind kind = PersonActivity.Kind.valueOf(in.readUTF());
        Instant at = StateFormat.readInstant(in);
        double resourceHours = in.readDouble();
        Set<CrimeRole> roles = StateFormat.readNames(in, CrimeRole.class);
        Instant endAt = StateFormat.readOptionalInstant(in);
        Set<SafeguardingTheme> themes = StateFormat.readNames(in, SafeguardingTheme.class);
        String area = StateFormat.readOptionalText(in);
        String homeArea = StateFormat.readOptionalText(in);
        return new PersonActivity(kind, at, resourceHours, roles, endAt, themes, area, homeArea);
    }
}
