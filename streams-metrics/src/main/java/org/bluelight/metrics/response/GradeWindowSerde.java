package org.bluelight.metrics.response;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.metrics.state.StateFormat;
import org.bluelight.schemas.KpiWindow;

/**
 * A {@link GradeWindow} in the KPI windows' store, in the binary form of {@link StateFormat}
 * (version {@value #VERSION}): every response sample reads and rewrites its hour's and its day's
 * window with all their response times. Windows stored as JSON by earlier versions are still read.
 */
public final class GradeWindowSerde {

    private static final byte VERSION = 1;

    private GradeWindowSerde() {
    }

    public static Serde<GradeWindow> create() {
        return StateFormat.serde("a KPI window", VERSION, GradeWindow.class, GradeWindowSerde::write, GradeWindowSerde::read);
    }

    private static void write(GradeWindow window, DataOutputStream out) throws IOException {
        StateFormat.writeOptionalText(out, window.dispatchGroup());
        out.writeInt(window.grade());
        StateFormat.writeOptionalName(out, window.size());
        StateFormat.writeOptionalInstant(out, window.start());
        StateFormat.writeOptionalInstant(out, window.end());
        out.writeInt(window.seconds().size());
        for (double seconds : window.seconds()) {
            out.writeDouble(seconds);
        }
        out.writeBoolean(window.closed());
    }

    private static GradeWindow read(byte version, DataInputStream in) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown format " + version);
        }
        String dispatchGroup = StateFormat.readOptionalText(in);
        int grade = in.readInt();
        KpiWindow size = StateFormat.readOptionalName(in, KpiWindow.class);
        Instant start = StateFormat.readOptionalInstant(in);
        Instant end = StateFormat.readOptionalInstant(in);
        int count = in.readInt();
        if (count < 0 || count > in.available() / Double.BYTES) {
            throw new IOException(count + " response times in " + in.available() + " bytes");
        }
        List<Double> seconds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            seconds.add(in.readDouble());
        }
        return new GradeWindow(dispatchGroup, grade, size, start, end, seconds, in.readBoolean());
    }
}
