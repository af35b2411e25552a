package org.bluelight.ops.cli.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MapGenerateCommandTest {

    @Test
    void generatesTheTownPresetToTheGivenFile(@TempDir Path dir) {
        Path out = dir.resolve("town.osm.gz");
        StringWriter text = new StringWriter();
        CommandLine map = new CommandLine(new MapCommand());
        map.setOut(new PrintWriter(text));
        int exit = map.execute("generate", "--preset", "town", "--seed", "3", "--out", out.toString());
        assertThat(exit).isZero();
        assertThat(out).exists();
        assertThat(text.toString()).contains("preset town", "seed 3");
    }

    @Test
    void unknownPresetIsAUsageError(@TempDir Path dir) {
        CommandLine map = new CommandLine(new MapCommand());
        map.setErr(new PrintWriter(new StringWriter()));
        assertThat(map.execute("generate", "--preset", "planet", "--out", dir.resolve("x.osm").toString())).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("x.osm"))).isFalse();
    }
}
