package org.bluelight.simulator.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place on a terminal stream (stderr), at most five times a second: overall
 * share done over {@code steps} steps, the current step's label, and the elapsed time.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final int steps;
    private final long startedNanos = System.nanoTime();
    private long lastDrawNanos;
    private int step;
    private String label = "";

    public ProgressBar(PrintStream out, int steps) {
        this.out = out;
        this.steps = Math.max(1, steps);
    }

    /** Starts step {@code index} (0-based) and returns its progress receiver. */
    public Progress step(int index, String stepLabel) {
        this.step = index;
        this.label = stepLabel;
        draw(0, true);
        return fraction -> draw(fraction, false);
    }

    public void finish() {
        draw(1.0, true);
        out.println();
        out.flush();
    }

    private void draw(double fraction, boolean force) {
        long nowNanos = System.nanoTime();
        if (!force && nowNanos - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = nowNanos;
        double overall = Math.min(1, (step + Math.max(0, Math.min(1, fraction))) / steps);
        int filled = (int) Math.round(overall * WIDTH);
        out.printf(Locale.ROOT, "\r[%s%s] %3d%% %-40s %5.0fs", "#".repeat(filled), " ".repeat(WIDTH - filled),
                Math.round(overall * 100), label, (nowNanos - startedNanos) / 1e9);
        out.flush();
    }
}
