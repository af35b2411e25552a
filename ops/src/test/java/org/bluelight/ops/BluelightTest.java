package org.bluelight.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The launcher's commands keep the names, options (in help order), required options (!) and
 * defaults that the README documents, wherever their classes live and whichever shared option
 * classes they are built from.
 */
class BluelightTest {

    private static final String DOCUMENTED = """
            bluelight local --data-dir=data --kafka-port=9092 --controller-port=9093 --registry-port=8081 --secure --admin-port=9094 --partitions=3 --duration --osm --scenario=andorra --speed=30 --summary --http-port-base=8090 --no-simulator --manual --infrastructure-only --app-settings
            bluelight topics --bootstrap-servers=127.0.0.1:9092 --partitions=3 --replication-factor=1 --dlq-retention=30d --command-config --timeout=30s
            bluelight route --osm! --graph-cache=data/graph-cache --snap-distance=500 --traffic --speeds --transport=car --driver=basic --grade=2 --from! --to! --at --geometry -h|--help -V|--version
            bluelight map generate --preset=town --seed=1 --out -h|--help -V|--version
            bluelight app dispatch <FILE>
            bluelight app coverage <FILE>
            bluelight app metrics <FILE>
            bluelight evaluate --days=14 --warmup=7 --replications=5 --policies=random,nearest,recommender --scenario=andorra --osm --incidents-per-week --double-crew-share --officers-scale=1 --work-dir=target/simulator --out --no-progress -h|--help -V|--version
            bluelight calibrate --scenario=west-midlands --replications=10 --weeks=4 --warmup=7 --policy=nearest --out --osm --work-dir=target/simulator --no-progress -h|--help -V|--version
            bluelight trial schedule --hotspots! --from! --days! --seed --trial-id=hot-spots --out! -h|--help -V|--version
            bluelight trial load --hotspots! --schedule! --trial-id=hot-spots --bootstrap-servers=127.0.0.1:9092 --registry-url=http://127.0.0.1:8081 -h|--help -V|--version
            bluelight trial report --csv! --chart! --target=4042 --zone=Europe/London --day-start=06:00 --bootstrap-servers=127.0.0.1:9092 --registry-url=http://127.0.0.1:8081 -h|--help -V|--version
            bluelight bench routing --osm! --graph-cache=data/graph-cache --snap-distance=500 --traffic --speeds --candidates=8 --queries=2000 --warmup=300 --fleet=150 --seed=1 --mixed-profiles --band -h|--help -V|--version
            bluelight bench coverage --osm! --graph-cache=data/graph-cache --officers=1000 --fix-interval-s=5 --duration-s=60 --move-threshold-m=200 --no-road-node-rule --resolution=8 --seed=1 --reference-checks=200 --bootstrap-servers --registry-url --kafka --partitions=2 --stream-threads=2 --warm-up-s=10 --state-dir=target/bench-coverage-state -h|--help -V|--version
            bluelight bench metrics --incidents=100000 --groups=8 --officers-per-group=40 --timeout=PT20M --state-dir=target/bench-metrics-state --bootstrap-servers=127.0.0.1:9092 --registry-url=http://127.0.0.1:8081 -h|--help -V|--version
            bluelight bench dispatch --officers=1000 --rate=20 --duration=60s --processing-guarantee=exactly_once_v2 --low-latency --commit-interval-ms --producer-linger-ms --app-setting --by-hop --telematics-lead-in=10s --osm -h|--help -V|--version
            bluelight bench telematics --units=10000 --duration=60s --partitions=3 --instances=1 --threads=1 --max-rate=0 --app-setting --osm -h|--help -V|--version
            bluelight bench fuzz --records=1000 --rounds=20 --seed=7 --catch-up-limit=5m --osm -h|--help -V|--version
            bluelight bench console --officers=1000 --rate=20 --duration=60s --clients=50 --console-heap=512m --chromium=/usr/bin/chromium --osm -h|--help -V|--version
            """;

    @Test
    void everyDocumentedCommandKeepsItsOptionsAndDefaults() {
        CommandLine launcher = Bluelight.commandLine();
        for (String documented : DOCUMENTED.strip().lines().map(String::strip).toList()) {
            String[] words = documented.split(" ");
            CommandLine command = launcher;
            for (int i = 1; i < words.length && !words[i].startsWith("-") && !words[i].startsWith("<"); i++) {
                assertThat(command.getSubcommands()).as(documented).containsKey(words[i]);
                command = command.getSubcommands().get(words[i]);
            }
            assertThat(describe(command.getCommandSpec())).isEqualTo(documented);
        }
    }

    @Test
    void theAppCommandOnItsOwnIsTheTreesAppCommand() {
        CommandLine inTree = Bluelight.commandLine().getSubcommands().get("app");
        CommandLine alone = Bluelight.appCommandLine();
        assertThat(alone.getSubcommands().keySet()).isEqualTo(inTree.getSubcommands().keySet());
        for (String app : inTree.getSubcommands().keySet()) {
            assertThat(describe(alone.getSubcommands().get(app).getCommandSpec()))
                    .isEqualTo(describe(inTree.getSubcommands().get(app).getCommandSpec()));
        }
    }

    private static String describe(CommandSpec spec) {
        List<String> words = new ArrayList<>(List.of(spec.qualifiedName()));
        for (OptionSpec option : spec.options()) {
            words.add(String.join("|", option.names()) + (option.required() ? "!" : "")
                    + (option.defaultValue() == null ? "" : "=" + option.defaultValue()));
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            words.add("<" + parameter.paramLabel() + ">");
        }
        return String.join(" ", words);
    }
}
