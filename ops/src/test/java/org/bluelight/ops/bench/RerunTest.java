package org.bluelight.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

class RerunTest {

    @Command(name = "bench", subcommands = Sample.class)
    static final class Parent {
    }

    @Command(name = "sample", mixinStandardHelpOptions = true)
    static final class Sample implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--officers", defaultValue = "1000")
        int officers;

        @Option(names = "--duration", defaultValue = "60s")
        String duration;

        @Option(names = "--osm")
        Path osm;

        @Option(names = "--mixed-profiles")
        boolean mixed;

        @Option(names = "--quiet")
        boolean quiet;

        String rerun;

        @Override
        public void run() {
            rerun = Rerun.line(spec);
        }
    }

    private static String rerun(String... args) {
        CommandLine parent = new CommandLine(new Parent());
        assertThat(parent.execute(args)).isZero();
        Sample sample = parent.getSubcommands().get("sample").getCommand();
        return sample.rerun;
    }

    @Test
    void givesEveryDefaultedOptionSoTheRunCanBeRepeated() {
        assertThat(rerun("sample")).isEqualTo("./bench sample --officers 1000 --duration 60s");
    }

    @Test
    void givesOptionsAsTypedAndOnlyTheFlagsThatWereSet() {
        assertThat(rerun("sample", "--duration", "2m", "--mixed-profiles", "--osm", "maps/my county.osm.gz"))
                .isEqualTo("./bench sample --officers 1000 --duration 2m --osm 'maps/my county.osm.gz' --mixed-profiles");
    }
}
