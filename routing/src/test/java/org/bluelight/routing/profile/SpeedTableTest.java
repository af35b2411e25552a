package org.bluelight.routing.profile;

import com.graphhopper.routing.ev.RoadClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpeedTableTest {

    @Test
    void bundledDefaultsAreUkLimits() {
        SpeedTable table = SpeedTable.defaults();
        assertThat(table.emergencyExtraMph()).isEqualTo(20);
        assertThat(table.forClass(RoadClass.MOTORWAY).defaultRuralMph()).isEqualTo(70);
        assertThat(table.forClass(RoadClass.PRIMARY).defaultRuralMph()).isEqualTo(60);
        assertThat(table.forClass(RoadClass.RESIDENTIAL).defaultUrbanMph()).isEqualTo(30);
        assertThat(table.forClass(RoadClass.PRIMARY).vanMaxMph()).isEqualTo(50);
        assertThat(table.forClass(RoadClass.BUSWAY)).isEqualTo(table.otherRoads());
    }

    @Test
    void badRoadTypeFactorIsRefusedWithTheFileName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("speeds.json");
        Files.writeString(file, """
                {"emergencyExtraMph": 20, "roadClasses": {},
                 "otherRoads": {"defaultUrbanMph": 30, "defaultRuralMph": 60, "roadTypeFactor": 1.5, "emergencyCapMph": 50, "vanMaxMph": 0}}
                """);
        assertThatThrownBy(() -> SpeedTable.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("roadTypeFactor");
    }
}
