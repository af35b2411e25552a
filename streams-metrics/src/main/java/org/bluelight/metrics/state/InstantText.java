package org.bluelight.metrics.state;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant's ISO text, exactly as {@link Instant#toString()} gives it, for the store keys that
 * hold one (KPI windows and their occupancies are keyed by their start): a late status change
 * names every window from its time on, up to a week of them, several times each, and
 * {@code Instant.toString} through {@code DateTimeFormatter} was a tenth of a replay's work.
 * Whole seconds from year 0 to 9999 are written here; any other instant by {@code toString}.
 */
public final class InstantText {

    private static final long LAST_SECOND_OF_9999 = 253_402_300_799L;

    private InstantText() {
    }

    public static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (instant.getNano() != 0 || seconds < -62_167_219_200L || seconds > LAST_SECOND_OF_9999) {
            return instant.toString();
        }
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        char[] text = "0000-00-00T00:00:00Z".toCharArray();
        digits(text, 0, 4, date.getYear());
        digits(text, 5, 2, date.getMonthValue());
        digits(text, 8, 2, date.getDayOfMonth());
        digits(text, 11, 2, secondOfDay / 3600);
        digits(text, 14, 2, secondOfDay / 60 % 60);
        digits(text, 17, 2, secondOfDay % 60);
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
