package org.bluelight.metrics.response;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;

/**
 * A {@link ResponseInput} on the {@code response-inputs} repartition topic, in the binary form of
 * {@link StateFormat} (version {@value #VERSION}): every incident version and arrival goes this
 * way. Inputs written as JSON by earlier versions are still read.
 */
public final class ResponseInputSerde {

    private static final byte VERSION = 1;

    private ResponseInputSerde() {
    }

    public static Serde<ResponseInput> create() {
        return StateFormat.serde("a response input", VERSION, ResponseInput.class, ResponseInputSerde::write, ResponseInputSerde::read);
    }

    private static void write(ResponseInput input, DataOutputStream out) throws IOException {
        StateFormat.writeOptionalText(out, input.incidentId());
        StateFormat.writeOptionalInstant(out, input.reportedAt());
        out.writeBoolean(input.grade() != null);
        if (input.grade() != null) {
            out.writeInt(input.grade());
        }
        StateFormat.writeOptionalText(out, input.dispatchGroup());
        out.writeBoolean(input.cancelled());
        StateFormat.writeOptionalInstant(out, input.arrivedAt());
        StateFormat.writeOptionalText(out, input.source());
    }

    private static ResponseInput read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        return new ResponseInput(StateFormat.readOptionalText(in), StateFormat.readOptionalInstant(in),
                in.readBoolean() ? in.readInt() : null, StateFormat.readOptionalText(in), in.readBoolean(),
                StateFormat.readOptionalInstant(in), StateFormat.readOptionalText(in));
    }
}
