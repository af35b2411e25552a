package org.bluelight.ops.bench.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bluelight.ops.cli.DurationConverter;
import org.bluelight.ops.local.BundledMap;
import org.bluelight.schemas.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bluelight bench fuzz}: the three apps fed a good workload once clean and once with hostile
 * records of every kind interleaved on every input topic; passes when the hostile run gives every
 * output of the clean run, with every app healthy, caught up, and every undecodable record dead-lettered.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Hostile input on every input topic of the dispatch, coverage and metrics apps, interleaved with",
            "good records; compares the outputs with a clean run of the same good records. Exit 0 when it passes."})
public final class BenchFuzzCommand implements Callable<Integer> {

    private static final Path WORK_DIR = Path.of("target", "bench-fuzz");

    @Spec
    private CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", defaultValue = "1000",
            description = "Hostile records per input topic (default: ${DEFAULT-VALUE}).")
    private int records;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "20",
            description = "Rounds of the good workload spread among them (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "Seed of the hostile records (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--catch-up-limit", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
            description = "How long each run's apps may take to read every input to its end (default: ${DEFAULT-VALUE}; "
                    + "10,000 records per topic need about 20 min on two loaded cores).")
    private Duration catchUpLimit;

    @Option(names = "--osm", paramLabel = "FILE", description = "Road map (default: the bundled Andorra extract).")
    private Path osm;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FuzzSettings settings = new FuzzSettings(records, rounds, seed, osm != null ? osm : BundledMap.andorra(), WORK_DIR, catchUpLimit);
        FuzzVerdict verdict = run(settings, System.out, out);
        return verdict.passed() ? 0 : 1;
    }

    /** Runs the clean and the hostile run, prints the report, writes it as JSON beside the runs. */
    public static FuzzVerdict run(FuzzSettings settings, PrintStream progress, PrintWriter out) throws Exception {
        FuzzCampaign campaign = new FuzzCampaign(settings, progress);
        progress.println("Clean run ...");
        FuzzReport clean = campaign.run(false, Map.of(), Map.of());
        progress.println("Hostile run ...");
        FuzzReport hostile = campaign.run(true, clean.outputKeys(), clean.goodValues());
        FuzzVerdict verdict = FuzzVerdict.of(clean, hostile);
        print(settings, clean, hostile, verdict, out);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", settings);
        json.put("clean", clean);
        json.put("hostile", hostile);
        json.put("verdict", verdict);
        Files.createDirectories(settings.workDir());
        new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(settings.workDir().resolve("report.json").toFile(), json);
        return verdict;
    }

    private static void print(FuzzSettings settings, FuzzReport clean, FuzzReport hostile, FuzzVerdict verdict, PrintWriter out) {
        out.printf(Locale.ROOT, "bench fuzz: %d hostile records per input topic, %d good rounds, seed %d%n",
                settings.hostilePerTopic(), settings.goodRounds(), settings.seed());
        out.println("Sent (hostile run), per topic and kind:");
        hostile.sent().forEach((topic, kinds) -> out.printf(Locale.ROOT, "  %-24s %s%n", topic, kinds));
        if (!hostile.refusedByBroker().isEmpty()) {
            out.println("Refused by the broker:");
            hostile.refusedByBroker().forEach((topic, kinds) -> out.printf(Locale.ROOT, "  %-24s %s%n", topic, kinds));
        }
        out.println("Dead letters (all apps), per topic and reason:");
        hostile.deadLetters().forEach((topic, reasons) -> out.printf(Locale.ROOT, "  %-28s %s%n", topic, reasons));
        out.println("Decodable hostile records (hostile values and timestamps, duplicates), per topic, kind and fate:");
        hostile.hostileFates().forEach((topic, fates) -> out.printf(Locale.ROOT, "  %-24s %s%n", topic, fates));
        long compared = clean.goodValues().values().stream().mapToLong(Map::size).sum();
        out.println("Outputs, keys in the clean run / hostile run:");
        for (Topic<?, ?> topic : FuzzCampaign.OUTPUTS) {
            Set<String> cleanKeys = clean.outputKeys().getOrDefault(topic.topicName(), Set.of());
            Set<String> hostileKeys = hostile.outputKeys().getOrDefault(topic.topicName(), Set.of());
            out.printf(Locale.ROOT, "  %-26s %5d / %5d%n", topic.topicName(), cleanKeys.size(), hostileKeys.size());
        }
        out.printf(Locale.ROOT, "Caught up in %.1f s (clean) and %.1f s (hostile); lag at the end %s%n",
                clean.elapsedSeconds(), hostile.elapsedSeconds(), hostile.lag());
        if (verdict.passed()) {
            out.println("PASSED: every app healthy and caught up, every undecodable record dead-lettered by each app that reads it,");
            out.println("        every decodable one processed or dead-lettered, every dead letter with a reason code, every output");
            out.printf(Locale.ROOT, "        of the clean run present with the same last value (%d compared), the good hot spot's trial%n", compared);
            out.println("        counts and dosage unchanged, no impossible output, no stray topic.");
        } else {
            out.println("FAILED:");
            verdict.failures().stream().limit(50).forEach(failure -> out.println("  " + failure));
            if (verdict.failures().size() > 50) {
                out.println("  ... " + (verdict.failures().size() - 50) + " more in " + settings.workDir().resolve("report.json"));
            }
        }
        out.printf(Locale.ROOT, "Rerun: ./bluelight bench fuzz --records %d --rounds %d --seed %d%n",
                settings.hostilePerTopic(), settings.goodRounds(), settings.seed());
        out.flush();
    }
}
