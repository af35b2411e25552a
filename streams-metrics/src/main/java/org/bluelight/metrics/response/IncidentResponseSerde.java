package org.bluelight.metrics.response;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;

/**
 * An incident's {@link IncidentResponse} in the first-arrival store, in the binary form of
 * {@link StateFormat} (version {@value #VERSION}): every incident version and arrival reads and
 * writes it, and every purge reads them all. Values stored as JSON by earlier versions are still read.
 */
public final class IncidentResponseSerde {

    private static final byte VERSION = 1;

    private IncidentResponseSerde() {
    }

    public static Serde<IncidentResponse> create() {
        return StateFormat.serde("an incident's response", VERSION, IncidentResponse.class, IncidentResponseSerde::write,
                IncidentResponseSerde::read);
    }

    private static void write(IncidentResponse response, DataOutputStream out) throws IOException {
        StateFormat.writeOptionalInstant(out, response.reportedAt());
        out.writeBoolean(response.grade() != null);
        if (response.grade() != null) {
            out.writeInt(response.grade());
        }
        StateFormat.writeOptionalText(out, response.dispatchGroup());
        out.writeBoolean(response.cancelled());
        StateFormat.writeOptionalInstant(out, response.firstArrivalAt());
        out.writeBoolean(response.measured());
    }

    private static IncidentResponse read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        return new IncidentResponse(StateFormat.readOptionalInstant(in), in.readBoolean() ? in.readInt() : null,
                StateFormat.readOptionalText(in), in.readBoolean(), StateFormat.readOptionalInstant(in), in.readBoolean());
    }
}
