package org.bluelight.metrics.response;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;
import org.bluelight.schemas.OfficerState;

/**
 * A {@link GroupInput} on the {@code response-groups} repartition topic, in the binary form of
 * {@link StateFormat} (version {@value #VERSION}): every status change and response sample goes
 * this way. Inputs written as JSON by earlier versions are still read.
 */
public final class GroupInputSerde {

    private static final byte VERSION = 1;

    private GroupInputSerde() {
    }

    public static Serde<GroupInput> create() {
        return StateFormat.serde("a group input", VERSION, GroupInput.class, GroupInputSerde::write, GroupInputSerde::read);
    }

    private static void write(GroupInput input, DataOutputStream out) throws IOException {
        ResponseSample sample = input.sample();
        out.writeBoolean(sample != null);
        if (sample != null) {
            StateFormat.writeOptionalText(out, sample.incidentId());
            StateFormat.writeOptionalText(out, sample.dispatchGroup());
            out.writeInt(sample.grade());
            StateFormat.writeOptionalInstant(out, sample.reportedAt());
            StateFormat.writeOptionalInstant(out, sample.firstArrivalAt());
        }
        StateFormat.writeOptionalText(out, input.officerId());
        StateFormat.writeOptionalName(out, input.state());
        StateFormat.writeOptionalInstant(out, input.changedAt());
        StateFormat.writeOptionalText(out, input.source());
        out.writeBoolean(input.watermark() != null);
        if (input.watermark() != null) {
            out.writeLong(input.watermark());
        }
    }

    private static GroupInput read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        ResponseSample sample = in.readBoolean()
                ? new ResponseSample(StateFormat.readOptionalText(in), StateFormat.readOptionalText(in), in.readInt(),
                        StateFormat.readOptionalInstant(in), StateFormat.readOptionalInstant(in))
                : null;
        return new GroupInput(sample, StateFormat.readOptionalText(in), StateFormat.readOptionalName(in, OfficerState.class),
                StateFormat.readOptionalInstant(in), StateFormat.readOptionalText(in), in.readBoolean() ? in.readLong() : null);
    }
}
