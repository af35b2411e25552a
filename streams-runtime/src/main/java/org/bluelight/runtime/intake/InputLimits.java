package org.bluelight.runtime.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.ConfigurationException;
import org.bluelight.runtime.deadletter.Result;

/**
 * How far an app trusts the values of a record, so that no single record can make it work without
 * bound or poison its state. Times are judged against the record's own timestamp (its event time on
 * the topic), not the wall clock, so replaying old records, or a simulator running ahead of the
 * clock, is fine.
 *
 * <p>Checked as each record is read, before any repartition, so a refused record goes to its
 * topic's dead-letter topic with one of the codes {@value #INVALID_ID}, {@value #TEAM_TOO_LARGE} or
 * {@value #TIME_OUT_OF_WINDOW}:
 *
 * <pre>{@code
 * return limits.at(recordTime)
 *         .id("officer id", status.getOfficerId())
 *         .recent("changed at", status.getChangedAt())
 *         .then("status of " + status.getOfficerId(), () -> otherChecks(status));
 * }</pre>
 *
 * @param maxBehind   an operational time (status change, fix, assignment, coverage update) may be at
 *                    most this much before the record's timestamp
 * @param maxHistory  a time of the past (incident occurred or reported) may be at most this much before it, and a
 *                    day of a schedule (a trial's allocation) at most this much after it
 * @param maxAhead    no time may be more than this after the record's timestamp (clock skew, a shift end)
 * @param maxIdLength longest id (officer, incident, dispatch group, station, area, key), in characters
 * @param maxTeamSize most officers one record may name or need (assignment, incident, crew)
 * @param maxDuration longest duration a record may state (an incident's expected time on scene)
 * @param maxPeople   most people one record may name (a crime's suspects, offenders and victims)
 */
public record InputLimits(Duration maxBehind, Duration maxHistory, Duration maxAhead, int maxIdLength, int maxTeamSize,
                          Duration maxDuration, int maxPeople) {

    public static final String INVALID_ID = "invalid-id";
    public static final String TEAM_TOO_LARGE = "team-too-large";
    public static final String TOO_MANY_PEOPLE = "too-many-people";
    public static final String TIME_OUT_OF_WINDOW = "time-out-of-window";

    public static final String MAX_BEHIND = "input.time.max.behind.ms";
    public static final String MAX_HISTORY = "input.time.max.history.ms";
    public static final String MAX_AHEAD = "input.time.max.ahead.ms";
    public static final String MAX_ID_LENGTH = "input.id.max.length";
    public static final String MAX_TEAM_SIZE = "input.team.max.size";
    public static final String MAX_DURATION = "input.duration.max.ms";
    public static final String MAX_PEOPLE = "input.people.max.size";

    /** How much of a refused id a dead letter's detail quotes. */
    private static final int QUOTED_ID_LENGTH = 40;

    public InputLimits {
        requireNotNegative(maxBehind, "maxBehind");
        requireNotNegative(maxHistory, "maxHistory");
        requireNotNegative(maxAhead, "maxAhead");
        requireNotNegative(maxDuration, "maxDuration");
        if (maxIdLength < 1 || maxTeamSize < 1 || maxPeople < 1) {
            throw new IllegalArgumentException("maxIdLength, maxTeamSize and maxPeople must be at least 1, were "
                    + maxIdLength + ", " + maxTeamSize + " and " + maxPeople);
        }
    }

    /**
     * A week behind for operational times, a year (and a day) for times of the past, a day ahead;
     * ids of 128 characters; 50 officers; durations up to a day; 200 people on one record.
     */
    public static InputLimits defaults() {
        return new InputLimits(Duration.ofDays(7), Duration.ofDays(366), Duration.ofDays(1), 128, 50, Duration.ofDays(1), 200);
    }

    /** The {@code input.*} keys of {@code source}, each defaulting to {@link #defaults()}. */
    public static InputLimits from(ConfigSource source) {
        InputLimits d = defaults();
        try {
            return new InputLimits(source.millis(MAX_BEHIND, d.maxBehind()), source.millis(MAX_HISTORY, d.maxHistory()),
                    source.millis(MAX_AHEAD, d.maxAhead()), source.integer(MAX_ID_LENGTH, d.maxIdLength()),
                    source.integer(MAX_TEAM_SIZE, d.maxTeamSize()), source.millis(MAX_DURATION, d.maxDuration()),
                    source.integer(MAX_PEOPLE, d.maxPeople()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Invalid input limits: " + e.getMessage(), e);
        }
    }

    /** A check of one record stamped {@code recordTime}. */
    public Check at(Instant recordTime) {
        return new Check(this, recordTime);
    }

    /** True for a duration of zero up to {@link #maxDuration}. */
    public boolean plausible(Duration duration) {
        return !duration.isNegative() && duration.compareTo(maxDuration) <= 0;
    }

    /**
     * The problems found in one record, reported in order of weight: ids first (they would reach
     * keys and state), then team size, then times.
     */
    public static final class Check {

        private final InputLimits limits;
        private final Instant recordTime;
        private final List<String> badIds = new ArrayList<>();
        private final List<String> badTeams = new ArrayList<>();
        private final List<String> badPeople = new ArrayList<>();
        private final List<String> badTimes = new ArrayList<>();

        private Check(InputLimits limits, Instant recordTime) {
            this.limits = limits;
            this.recordTime = Objects.requireNonNull(recordTime, "recordTime");
        }

        /** The record's key, which names the entity the record is about: required. */
        public Check key(String key) {
            if (key == null) {
                badIds.add("no key");
                return this;
            }
            return id("key", key);
        }

        /** An id, too long or with control or unprintable characters; null (an optional field) passes. */
        public Check id(String what, String id) {
            if (id == null) {
                return this;
            }
            if (id.length() > limits.maxIdLength()) {
                badIds.add(what + " of " + id.length() + " characters, more than " + limits.maxIdLength()
                        + " (" + quoted(id) + ")");
            } else if (!printable(id)) {
                badIds.add(what + " " + quoted(id) + " holds control or unprintable characters");
            }
            return this;
        }

        /** How many people a record names: at most {@link InputLimits#maxPeople}. */
        public Check people(String what, int count) {
            if (count > limits.maxPeople()) {
                badPeople.add(what + ": " + count + ", more than " + limits.maxPeople());
            }
            return this;
        }

        /** A list of ids: at most {@link InputLimits#maxTeamSize} of them, each a valid id. */
        public Check team(String what, Collection<String> ids) {
            if (ids.size() > limits.maxTeamSize()) {
                badTeams.add(what + ": " + ids.size() + ", more than " + limits.maxTeamSize());
                return this;
            }
            ids.forEach(id -> id(what, id));
            return this;
        }

        /** An operational time: within {@link InputLimits#maxBehind} before the record's timestamp; null passes. */
        public Check recent(String what, Instant time) {
            return time(what, time, limits.maxBehind());
        }

        /** A time of the past: within {@link InputLimits#maxHistory} before the record's timestamp; null passes. */
        public Check past(String what, Instant time) {
            return time(what, time, limits.maxHistory());
        }

        /**
         * A day of a schedule (a trial's allocation): published at most {@link InputLimits#maxHistory}
         * ahead of the record's timestamp; any earlier day passes (a past trial's schedule, loaded for
         * its analysis).
         */
        public Check scheduled(String what, LocalDate day) {
            Instant latest = recordTime.plus(limits.maxHistory());
            if (day != null && day.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(latest)) {
                badTimes.add(what + " " + day + " is after " + latest + " (the record is stamped " + recordTime + ")");
            }
            return this;
        }

        private Check time(String what, Instant time, Duration behind) {
            if (time == null) {
                return this;
            }
            Instant earliest = recordTime.minus(behind);
            Instant latest = recordTime.plus(limits.maxAhead());
            if (time.isBefore(earliest) || time.isAfter(latest)) {
                badTimes.add(what + " " + time + " is not within " + earliest + " .. " + latest
                        + " (the record is stamped " + recordTime + ")");
            }
            return this;
        }

        /** The first kind of problem found, as a refusal of {@code what}; else what {@code otherwise} finds. */
        public <V> Result<V> then(String what, Supplier<Result<V>> otherwise) {
            if (!badIds.isEmpty()) {
                return Result.invalid(INVALID_ID, shortened(what) + ": " + String.join("; ", badIds));
            }
            if (!badTeams.isEmpty()) {
                return Result.invalid(TEAM_TOO_LARGE, shortened(what) + ": " + String.join("; ", badTeams));
            }
            if (!badPeople.isEmpty()) {
                return Result.invalid(TOO_MANY_PEOPLE, shortened(what) + ": " + String.join("; ", badPeople));
            }
            if (!badTimes.isEmpty()) {
                return Result.invalid(TIME_OUT_OF_WINDOW, what + ": " + String.join("; ", badTimes));
            }
            return otherwise.get();
        }

        /** {@code what} names the record by its id, which may be the bad one. */
        private static String shortened(String what) {
            return what.length() <= QUOTED_ID_LENGTH * 2 ? what : what.substring(0, QUOTED_ID_LENGTH * 2) + "...";
        }
    }

    /** True unless {@code id} holds a control, format, surrogate, private-use, unassigned or separator character. */
    static boolean printable(String id) {
        return id.codePoints().allMatch(InputLimits::printable);
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static String quoted(String id) {
        String shown = id.length() <= QUOTED_ID_LENGTH ? id : id.substring(0, QUOTED_ID_LENGTH) + "...";
        StringBuilder escaped = new StringBuilder("'");
        shown.codePoints().forEach(c -> escaped.append(printable(c) ? Character.toString(c) : String.format("\\u%04x", c)));
        return escaped.append('\'').toString();
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }
}
