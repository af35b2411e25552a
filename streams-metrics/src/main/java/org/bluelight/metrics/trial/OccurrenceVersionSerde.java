package org.bluelight.metrics.trial;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;
import org.bluelight.runtime.serde.DataText;

/**
 * An {@link OccurrenceVersion} on the {@code trial-occurrences} repartition topic, in the binary
 * form of {@link StateFormat} (version {@value #VERSION}, which added the input partition): every incident
 * and crime record goes this way. Versions written as JSON or as version 1 by earlier versions are still read,
 * with no input partition.
 */
public final class OccurrenceVersionSerde {

    private static final byte VERSION = 2;
    private static final byte WITHOUT_SOURCE = 1;

    private OccurrenceVersionSerde() {
    }

    public static Serde<OccurrenceVersion> create() {
        return StateFormat.serde("an occurrence version", VERSION, OccurrenceVersion.class, OccurrenceVersionSerde::write,
                OccurrenceVersionSerde::read);
    }

    private static void write(OccurrenceVersion version, DataOutputStream out) throws IOException {
        out.writeBoolean(version.crime());
        StateFormat.writeOptionalText(out, version.recordId());
        StateFormat.writeOptionalText(out, version.incidentId());
        Contribution contribution = version.contribution();
        out.writeBoolean(contribution != null);
        if (contribution != null) {
            out.writeInt(contribution.hotSpotIds().size());
            for (String hotSpotId : contribution.hotSpotIds()) {
                DataText.write(out, hotSpotId);
            }
            out.writeLong(contribution.trialDay().toEpochDay());
            StateFormat.writeNames(out, contribution.outcomes());
        }
        StateFormat.writeOptionalInstant(out, version.at());
        StateFormat.writeOptionalText(out, version.source());
    }

    private static OccurrenceVersion read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION && version != WITHOUT_SOURCE) {
            throw new IOException("unknown format " + version);
        }
        boolean crime = in.readBoolean();
        String recordId = StateFormat.readOptionalText(in);
        String incidentId = StateFormat.readOptionalText(in);
        Contribution contribution = null;
        if (in.readBoolean()) {
            int count = in.readInt();
            if (count < 0 || count > in.available()) {
                throw new IOException(count + " hot spots in " + in.available() + " bytes");
            }
            List<String> hotSpotIds = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                hotSpotIds.add(DataText.read(in));
            }
            contribution = new Contribution(hotSpotIds, LocalDate.ofEpochDay(in.readLong()), StateFormat.readNames(in, Outcome.class));
        }
        Instant at = StateFormat.readOptionalInstant(in);
        return new OccurrenceVersion(crime, recordId, incidentId, contribution, at,
                version == VERSION ? StateFormat.readOptionalText(in) : null);
    }
}
