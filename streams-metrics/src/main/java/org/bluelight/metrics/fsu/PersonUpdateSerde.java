package org.bluelight.metrics.fsu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;

/**
 * A {@link PersonUpdate} on the {@code fsu-people} repartition topic, in the binary form of
 * {@link StateFormat} (version {@value #VERSION}), its activity as a ledger stores it: a replay
 * sends every call's, crime's and custody record's links this way. Updates written as JSON by
 * earlier versions are still read.
 */
public final class PersonUpdateSerde {

    private static final byte VERSION = 1;

    private PersonUpdateSerde() {
    }

    public static Serde<PersonUpdate> create() {
        return StateFormat.serde("a person update", VERSION, PersonUpdate.class, PersonUpdateSerde::write, PersonUpdateSerde::read);
    }

    private static void write(PersonUpdate update, DataOutputStream out) throws IOException {
        StateFormat.writeOptionalText(out, update.personId());
        StateFormat.writeOptionalText(out, update.ledgerKey());
        out.writeBoolean(update.activity() != null);
        if (update.activity() != null) {
            PersonLedgerSerde.writeActivity(update.activity(), out);
        }
    }

    private static PersonUpdate read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        String personId = StateFormat.readOptionalText(in);
        String ledgerKey = StateFormat.readOptionalText(in);
        PersonActivity activity = in.readBoolean() ? PersonLedgerSerde.readActivity(in) : null;
        return new PersonUpdate(personId, ledgerKey, activity);
    }
}
