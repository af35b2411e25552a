package org.bluelight.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsShortUnitsAndIso8601() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "60", "1.5s", "s", "-5s", "5 minutes", "99999999999999999999s"})
    void rejectsWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> converter.convert(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining(text.trim());
    }

    @Test
    void rejectsZeroAndNegativeDurations() {
        assertThatThrownBy(() -> converter.convert("0s")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not a positive duration");
        assertThatThrownBy(() -> converter.convert("PT-5S")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("not a positive duration");
    }

    @Test
    void orZeroAllowsZeroButNotNegativeDurations() {
        DurationConverter.OrZero orZero = new DurationConverter.OrZero();
        assertThat(orZero.convert("0s")).isEqualTo(Duration.ZERO);
        assertThat(orZero.convert("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> orZero.convert("PT-5S")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("negative duration");
        assertThatThrownBy(() -> orZero.convert("ten")).isInstanceOf(TypeConversionException.class);
    }
}
