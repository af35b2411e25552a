package org.bluelight.metrics.fsu;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;
import org.bluelight.runtime.serde.DataText;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * A {@link CallInput} on the {@code fsu-calls} repartition topic, in the binary form of
 * {@link StateFormat} (version {@value #VERSION}): every incident version and every resource
 * engaged or released goes this way. Inputs written as JSON by earlier versions are still read.
 */
public final class CallInputSerde {

    private static final byte VERSION = 1;

    private CallInputSerde() {
    }

    public static Serde<CallInput> create() {
        return StateFormat.serde("a call input", VERSION, CallInput.class, CallInputSerde::write, CallInputSerde::read);
    }

    private static void write(CallInput input, DataOutputStream out) throws IOException {
        CallRecord.Facts facts = input.facts();
        out.writeBoolean(facts != null);
        if (facts != null) {
            StateFormat.writeOptionalText(out, facts.incidentId());
            StateFormat.writeOptionalInstant(out, facts.reportedAt());
            StateFormat.writeOptionalText(out, facts.originatorPersonId());
            out.writeInt(facts.subjectPersonIds().size());
            for (String subject : facts.subjectPersonIds()) {
                DataText.write(out, subject);
            }
            out.writeBoolean(facts.preplannedOperation());
            out.writeBoolean(facts.cancelled());
            StateFormat.writeNames(out, facts.themes());
            StateFormat.writeOptionalText(out, facts.area());
        }
        ResourceEvent resource = input.resource();
        out.writeBoolean(resource != null);
        if (resource != null) {
            StateFormat.writeOptionalText(out, resource.incidentId());
            StateFormat.writeOptionalText(out, resource.officerId());
            out.writeBoolean(resource.engaged());
            StateFormat.writeOptionalInstant(out, resource.at());
        }
    }

    private static CallInput read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        CallRecord.Facts facts = null;
        if (in.readBoolean()) {
            String incidentId = StateFormat.readOptionalText(in);
            Instant reportedAt = StateFormat.readOptionalInstant(in);
            String originator = StateFormat.readOptionalText(in);
            int subjectCount = in.readInt();
            if (subjectCount < 0 || subjectCount > in.available()) {
                throw new IOException(subjectCount + " subjects in " + in.available() + " bytes");
            }
            List<String> subjects = new ArrayList<>(subjectCount);
            for (int i = 0; i < subjectCount; i++) {
                subjects.add(DataText.read(in));
            }
            boolean preplanned = in.readBoolean();
            boolean cancelled = in.readBoolean();
            Set<SafeguardingTheme> themes = StateFormat.readNames(in, SafeguardingTheme.class);
            String area = StateFormat.readOptionalText(in);
            facts = new CallRecord.Facts(incidentId, reportedAt, originator, List.copyOf(subjects), preplanned, cancelled, themes, area);
        }
        ResourceEvent resource = null;
        if (in.readBoolean()) {
            resource = new ResourceEvent(StateFormat.readOptionalText(in), StateFormat.readOptionalText(in), in.readBoolean(),
                    StateFormat.readOptionalInstant(in));
        }
        return new CallInput(facts, resource);
    }
}
