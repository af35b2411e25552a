package org.bluelight.simulator.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bluelight.simulator.demand.DemandCurve;

/** The evaluation as a text table (mean ± 95% half-width), and as CSV (one row per policy and figure). */
public final class ResultTable {

    private ResultTable() {
    }

    public static String text(EvaluationReport report) {
        StringBuilder out = new StringBuilder();
        EvaluationPlan plan = report.plan();
        out.append(String.format(Locale.ROOT, "Scenario %s: %d days (%d warm-up), %d replication%s; mean ± 95%% interval across replications%n",
                plan.scenario().name(), plan.days(), plan.warmupDays(), plan.replications(), plan.replications() == 1 ? "" : "s"));
        String header = String.format(Locale.ROOT, "%-12s %16s %16s %15s %16s %15s %15s %14s %14s %13s%n", "policy",
                "G1 median min", "G1 p90 min", "G1 <=15 min", "busy G1 median", "busy G1 <=15", "G2 <=60 min",
                "km/incident", "available", "peak backlog");
        out.append(header);
        out.append("-".repeat(header.length() - 1)).append('\n');
        for (PolicySummary s : report.summaries()) {
            out.append(String.format(Locale.ROOT, "%-12s %16s %16s %15s %16s %15s %15s %14s %14s %13s%n", s.policy(),
                    number(s.grade1Median(), 1), number(s.grade1P90(), 1), percent(s.grade1WithinTarget()),
                    number(s.busyGrade1Median(), 1), percent(s.busyGrade1WithinTarget()), percent(s.grade2WithinTarget()), number(s.kmPerIncident(), 2), percent(s.availability()),
                    number(s.peakBacklog(), 0)));
        }
        out.append(String.format(Locale.ROOT, "(busy: the %d local hours of highest demand, %s)%n", Simulation.BUSIEST_HOURS,
                DemandCurve.busiestHours(plan.scenario().demand(), Simulation.BUSIEST_HOURS)));
        out.append(String.format(Locale.ROOT, "(measured: %s grade 1 and %s grade 2 incidents per policy; never attended: %s)%n",
                report.summaries().isEmpty() ? 0 : report.summaries().get(0).grade1Incidents(),
                report.summaries().isEmpty() ? 0 : report.summaries().get(0).grade2Incidents(),
                String.join(", ", report.summaries().stream().map(s -> s.policy() + " " + s.unattended()).toList())));
        return out.toString();
    }

    public static void writeCsv(EvaluationReport report, Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("policy,figure,mean,low95,high95,replications");
        for (PolicySummary s : report.summaries()) {
            row(lines, s.policy(), "grade1_median_minutes", s.grade1Median());
            row(lines, s.policy(), "grade1_p90_minutes", s.grade1P90());
            row(lines, s.policy(), "grade1_share_within_15min", s.grade1WithinTarget());
            row(lines, s.policy(), "grade1_p10_minutes", s.grade1P10());
            row(lines, s.policy(), "busy_grade1_median_minutes", s.busyGrade1Median());
            row(lines, s.policy(), "busy_grade1_share_within_15min", s.busyGrade1WithinTarget());
            row(lines, s.policy(), "grade2_share_within_60min", s.grade2WithinTarget());
            row(lines, s.policy(), "km_per_incident", s.kmPerIncident());
            row(lines, s.policy(), "officer_availability", s.availability());
            row(lines, s.policy(), "peak_backlog", s.peakBacklog());
        }
        lines.add("");
        lines.add("policy,replication,grade1_incidents,grade2_incidents,unattended,grade1_median_minutes,grade1_p90_minutes,"
                + "grade1_within_15,grade2_within_60,km_per_incident,availability,peak_backlog,breaks,shift_ends,"
                + "shift_overruns,diversions,wall_seconds,grade1_p10_minutes,busy_grade1_median_minutes,busy_grade1_within_15,"
                + "incidents_per_week,grade1_share,arrests_per_week,scene_median_minutes");
        for (ReplicationResult r : report.replications()) {
            lines.add(String.format(Locale.ROOT,
                    "%s,%d,%d,%d,%d,%.3f,%.3f,%.4f,%.4f,%.3f,%.4f,%d,%d,%d,%d,%d,%.2f,%.3f,%.3f,%.4f,%.1f,%.4f,%.1f,%.1f",
                    r.policy(), r.replication(), r.grade1Count(), r.grade2Count(), r.unattended(), r.grade1MedianMinutes(),
                    r.grade1P90Minutes(), r.grade1WithinTarget(), r.grade2WithinTarget(), r.kmPerIncident(),
                    r.availability(), r.peakBacklog(), r.breaksTaken(), r.shiftsEnded(), r.shiftsOverrun(),
                    r.diversions(), r.wallSeconds(), r.grade1P10Minutes(), r.busyGrade1MedianMinutes(),
                    r.busyGrade1WithinTarget(), r.force().incidentsPerWeek(), r.force().grade1Share(),
                    r.force().arrestsPerWeek(), r.force().sceneMedianMinutes()));
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void row(List<String> lines, String policy, String figure, Interval i) {
        lines.add(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f,%.4f,%d", policy, figure, i.mean(), i.low(), i.high(), i.n()));
    }

    private static String number(Interval i, int decimals) {
        if (Double.isNaN(i.halfWidth())) {
            return String.format(Locale.ROOT, "%." + decimals + "f", i.mean());
        }
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", i.mean(), i.halfWidth());
    }

    private static String percent(Interval i) {
        if (Double.isNaN(i.halfWidth())) {
            return String.format(Locale.ROOT, "%.1f%%", i.mean() * 100);
        }
        return String.format(Locale.ROOT, "%.1f ± %.1f%%", i.mean() * 100, i.halfWidth() * 100);
    }
}
