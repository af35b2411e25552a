package org.bluelight.metrics.trial;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bluelight.schemas.TrialArm;

/** Writes a {@link TrialSummary} as CSV (one row per outcome) and as a bar chart (PNG, Java2D). */
public final class TrialReport {

    private TrialReport() {
    }

    /** Columns: outcome, mean per hot-spot-day in each arm, rate ratio; then the sample rows. */
    public static void writeCsv(TrialSummary summary, Writer out) throws IOException {
        TrialSummary.ArmSummary treatment = summary.arms().get(TrialArm.TREATMENT.ordinal());
        TrialSummary.ArmSummary control = summary.arms().get(TrialArm.CONTROL.ordinal());
        out.write("outcome,treatment_mean,control_mean,rate_ratio\n");
        for (Outcome outcome : Outcome.values()) {
            out.write(outcome.name().toLowerCase(Locale.ROOT) + "," + number(treatment.meanCounts().get(outcome)) + ","
                    + number(control.meanCounts().get(outcome)) + "," + number(summary.rateRatios().get(outcome)) + "\n");
        }
        out.write("patrol_minutes," + number(treatment.meanPatrolMinutes()) + "," + number(control.meanPatrolMinutes()) + ",\n");
        out.write("patrol_visits," + number(treatment.meanPatrolVisits()) + "," + number(control.meanPatrolVisits()) + ",\n");
        out.write("hot_spot_days," + treatment.hotSpotDays() + "," + control.hotSpotDays() + ",\n");
        out.write("target_hot_spot_days," + treatment.targetHotSpotDays() + "," + control.targetHotSpotDays() + ",\n");
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    /** Grouped bars: mean count per outcome, treatment beside control, with the sample against target in the title. */
    public static void writeChart(TrialSummary summary, Path png) throws IOException {
        int width = 1200;
        int height = 600;
        int left = 70;
        int bottom = 190;
        int top = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            TrialSummary.ArmSummary treatment = summary.arms().get(TrialArm.TREATMENT.ordinal());
            TrialSummary.ArmSummary control = summary.arms().get(TrialArm.CONTROL.ordinal());
            double max = 0;
            for (Outcome outcome : Outcome.values()) {
                max = Math.max(max, Math.max(treatment.meanCounts().getOrDefault(outcome, 0.0), control.meanCounts().getOrDefault(outcome, 0.0)));
            }
            max = max == 0 ? 1 : max * 1.1;
            int plotHeight = height - bottom - top;
            int groupWidth = (width - left - 20) / Outcome.values().length;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(String.format(Locale.ROOT, "Mean count per hot-spot-day: treatment %d / control %d hot-spot-days (target %d)",
                    treatment.hotSpotDays(), control.hotSpotDays(), summary.targetHotSpotDays()), left, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setStroke(new BasicStroke(1));
            g.drawLine(left, top, left, top + plotHeight);
            g.drawLine(left, top + plotHeight, width - 20, top + plotHeight);
            for (int tick = 0; tick <= 4; tick++) {
                int y = top + plotHeight - tick * plotHeight / 4;
                g.drawString(String.format(Locale.ROOT, "%.2f", max * tick / 4), 10, y + 4);
            }
            int i = 0;
            for (Outcome outcome : Outcome.values()) {
                int x = left + i * groupWidth + 8;
                int barWidth = (groupWidth - 16) / 2;
                bar(g, x, barWidth, treatment.meanCounts().getOrDefault(outcome, 0.0), max, top, plotHeight, new Color(0x1f77b4));
                bar(g, x + barWidth, barWidth, control.meanCounts().getOrDefault(outcome, 0.0), max, top, plotHeight, new Color(0xff7f0e));
                g.setColor(Color.BLACK);
                Graphics2D label = (Graphics2D) g.create();
                label.translate(x + barWidth, top + plotHeight + 10);
                label.rotate(Math.toRadians(35));
                label.drawString(outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '), 0, 0);
                label.dispose();
                i++;
            }
            g.setColor(new Color(0x1f77b4));
            g.fillRect(width - 220, 40, 12, 12);
            g.setColor(new Color(0xff7f0e));
            g.fillRect(width - 120, 40, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString("treatment", width - 204, 51);
            g.drawString("control", width - 104, 51);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static void bar(Graphics2D g, int x, int width, double value, double max, int top, int plotHeight, Color colour) {
        int barHeight = (int) Math.round(value / max * plotHeight);
        g.setColor(colour);
        g.fillRect(x, top + plotHeight - barHeight, width, barHeight);
    }
}
