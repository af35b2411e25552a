package org.bluelight.metrics.fsu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;

/**
 * An {@link OfficerEngagement.Signal} on the {@code fsu-officer-signals} repartition topic, in the
 * binary form of {@link StateFormat} (version {@value #VERSION}): every status change and assigned
 * officer goes this way. Signals written as JSON by earlier versions are still read.
 */
public final class OfficerSignalSerde {

    private static final byte VERSION = 1;

    private OfficerSignalSerde() {
    }

    public static Serde<OfficerEngagement.Signal> create() {
        return StateFormat.serde("an officer's signal", VERSION, OfficerEngagement.Signal.class, OfficerSignalSerde::write,
                OfficerSignalSerde::read);
    }

    private static void write(OfficerEngagement.Signal signal, DataOutputStream out) throws IOException {
        StateFormat.writeOptionalText(out, signal.officerId());
        StateFormat.writeOptionalText(out, signal.incidentId());
        StateFormat.writeOptionalInstant(out, signal.at());
        StateFormat.writeOptionalName(out, signal.kind());
        StateFormat.writeOptionalText(out, signal.releasedFrom());
    }

    private static OfficerEngagement.Signal read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        return new OfficerEngagement.Signal(StateFormat.readOptionalText(in), StateFormat.readOptionalText(in),
                StateFormat.readOptionalInstant(in), StateFormat.readOptionalName(in, OfficerEngagement.Signal.Kind.class),
                StateFormat.readOptionalText(in));
    }
}
