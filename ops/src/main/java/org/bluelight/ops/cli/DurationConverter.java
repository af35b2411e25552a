package org.bluelight.ops.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a positive duration written as {@code 500ms}, {@code 20s}, {@code 2m}, {@code 1h}, {@code 30d} or ISO-8601 ({@code PT90S}). */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.trim());
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration");
        }
        return duration;
    }

    /** The same, with {@code 0s} allowed: for options where none is a choice, such as a lead-in. */
    public static final class OrZero implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration = parse(value.trim());
            if (duration.isNegative()) {
                throw new TypeConversionException("'" + value + "' is a negative duration");
            }
            return duration;
        }
    }

    private static Duration parse(String value) {
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount;
            try {
                amount = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is too long a duration");
            }
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw new IllegalStateException("Unit not covered: " + matcher.group(2));
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 500ms, 20s, 2m, 1h, 30d or PT90S");
        }
    }
}
