package org.bluelight.simulator.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A calibration run: each target with the simulated value and its 95% interval, pass or miss, and grade 1 medians
 * by hour of the day; as a text table and as JSON.
 *
 * @param policy the dispatch policy the force ran under
 */
public record CalibrationReport(String scenario, String policy, int days, int warmupDays, int replications,
                                List<CalibrationTarget.Check> checks, List<Interval> grade1MedianByHour,
                                Interval availability, double wallSeconds) {

    public CalibrationReport {
        checks = List.copyOf(checks);
        grade1MedianByHour = List.copyOf(grade1MedianByHour);
    }

    /** Checks one policy's replications of an evaluation against the targets. */
    public static CalibrationReport of(EvaluationReport report, String policy, List<CalibrationTarget> targets) {
        List<ReplicationResult> results = report.replications().stream().filter(r -> r.policy().equals(policy)).toList();
        EvaluationPlan plan = report.plan();
        return new CalibrationReport(plan.scenario().name(), policy, plan.days(), plan.warmupDays(), plan.replications(),
                Calibration.check(targets, results), Calibration.grade1MedianByHour(results),
                PolicySummary.over(results, ReplicationResult::availability), report.wallSeconds());
    }

    public long passed() {
        return checks.stream().filter(CalibrationTarget.Check::pass).count();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Calibration of %s under the %s policy: %d days (%d warm-up), %d replication%s;"
                + " simulated = mean ± 95%% interval across replications%n", scenario, policy, days, warmupDays, replications,
                replications == 1 ? "" : "s"));
        String header = String.format(Locale.ROOT, "%-38s %-22s %-22s %-5s %s%n", "figure", "target", "simulated", "", "source");
        out.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (CalibrationTarget.Check c : checks) {
            out.append(String.format(Locale.ROOT, "%-38s %-22s %-22s %-5s %s%n", c.figure(), range(c), value(c.simulated()),
                    c.pass() ? "pass" : "MISS", c.source()));
        }
        out.append(String.format(Locale.ROOT, "%d of %d targets met; units available %s of their time on duty%n",
                passed(), checks.size(), value(availability.mean() * 100, availability.halfWidth() * 100) + "%"));
        return out.toString();
    }

    public void writeJson(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String range(CalibrationTarget.Check c) {
        if (Double.isInfinite(c.high())) {
            return "> 0";
        }
        return number(c.low()) + " to " + number(c.high());
    }

    private static String value(Interval i) {
        return value(i.mean(), i.halfWidth());
    }

    private static String value(double mean, double halfWidth) {
        return Double.isNaN(halfWidth) ? number(mean) : number(mean) + " ± " + number(halfWidth);
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.1f" : "%.3f", v);
    }
}
