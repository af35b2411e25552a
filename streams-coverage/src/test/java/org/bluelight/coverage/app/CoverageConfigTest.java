package org.bluelight.coverage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.bluelight.coverage.CoverageSettings;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.ConfigurationException;
import org.junit.jupiter.api.Test;

class CoverageConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        CoverageConfig config = CoverageConfig.from(ConfigSource.of(Map.of()));
        assertThat(config.settings()).isEqualTo(CoverageSettings.defaults());
        assertThat(config.settings().resolution()).isEqualTo(8);
        assertThat(config.settings().reachRule().moveThresholdMeters()).isEqualTo(200);
        assertThat(config.settings().grade1Target()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.settings().demand().zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(config.seedFile()).isEmpty();
        assertThat(config.mapFile()).isEqualTo(CoverageConfig.DEFAULT_MAP_FILE);
    }

    @Test
    void everyKeyIsRead() {
        String area = CellGrid.toHex(new CellGrid(6).cellOf(new GeoPoint(42.5, 1.5)));
        CoverageConfig config = CoverageConfig.from(ConfigSource.of(Map.ofEntries(
                Map.entry(CoverageConfig.RESOLUTION, "9"),
                Map.entry(CoverageConfig.MOVE_THRESHOLD, "300"),
                Map.entry(CoverageConfig.ROAD_NODE_CHANGE, "false"),
                Map.entry(CoverageConfig.GRADE1_TARGET, "780000"),
                Map.entry(CoverageConfig.HALF_LIFE, "604800000"),
                Map.entry(CoverageConfig.WINDOW_WEEKS, "4"),
                Map.entry(CoverageConfig.ZONE, "UTC"),
                Map.entry(CoverageConfig.SEED_FILE, "seed.csv"),
                Map.entry(CoverageConfig.REQUIRED_LEVEL_DEFAULT, "2"),
                Map.entry(CoverageConfig.REQUIRED_LEVEL_CELL_PREFIX + area, "3"),
                Map.entry(CoverageConfig.PARTITIONS, "6"))));
        CoverageSettings settings = config.settings();
        assertThat(settings.resolution()).isEqualTo(9);
        assertThat(settings.reachRule().moveThresholdMeters()).isEqualTo(300);
        assertThat(settings.reachRule().recomputeOnRoadNodeChange()).isFalse();
        assertThat(settings.grade1Target()).isEqualTo(Duration.ofMinutes(13));
        assertThat(settings.demand().halfLife()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.demand().windowWeeks()).isEqualTo(4);
        assertThat(settings.requiredLevels().defaultLevel()).isEqualTo(2);
        assertThat(settings.requiredLevels().overrides()).containsEntry(CellGrid.parse(area), 3);
        assertThat(settings.cellPartitions()).isEqualTo(6);
        assertThat(config.seedFile()).isEqualTo(Optional.of(Path.of("seed.csv")));
    }

    @Test
    void badValuesAreConfigurationErrors() {
        assertThatThrownBy(() -> CoverageConfig.from(ConfigSource.of(Map.of(CoverageConfig.RESOLUTION, "17"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("resolution");
        assertThatThrownBy(() -> CoverageConfig.from(ConfigSource.of(Map.of(CoverageConfig.ZONE, "Mars/Olympus"))))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> CoverageConfig.from(ConfigSource.of(
                Map.of(CoverageConfig.REQUIRED_LEVEL_CELL_PREFIX + "nonsense", "1"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nonsense");
    }
}
