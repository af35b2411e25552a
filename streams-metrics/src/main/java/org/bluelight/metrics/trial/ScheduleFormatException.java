package org.bluelight.metrics.trial;

/** A schedule file that cannot be read as a trial schedule; names the line at fault. */
public class ScheduleFormatException extends RuntimeException {

    private final int line;

    public ScheduleFormatException(int line, String message) {
        super("schedule line " + line + ": " + message);
        this.line = line;
    }

    /** 1-based line number in the file, 0 when the problem is the schedule as a whole. */
    public int line() {
        return line;
    }
}
