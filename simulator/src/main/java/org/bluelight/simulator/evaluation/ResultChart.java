package org.bluelight.simulator.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * A PNG of the evaluation drawn with Java2D (headless): four panels (grade 1 median response, grade 1 within
 * 15 minutes, km per incident, availability), one bar per policy with its 95% interval as an error bar.
 */
public final class ResultChart {

    private static final int PANEL_W = 330;
    private static final int PANEL_H = 300;
    private static final Color[] COLOURS = {new Color(0xB0B0B0), new Color(0x6A9FD8), new Color(0x1F5AA6), new Color(0xD87F3A)};

    private ResultChart() {
    }

    public static void writePng(EvaluationReport report, Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(PANEL_W * 4, PANEL_H + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        EvaluationPlan plan = report.plan();
        g.drawString(String.format(Locale.ROOT, "Dispatch policies on %s: %d days (%d warm-up), %d replications, 95%% intervals",
                plan.scenario().name(), plan.days(), plan.warmupDays(), plan.replications()), 10, 22);
        List<PolicySummary> s = report.summaries();
        panel(g, 0, "Grade 1 median response (min)", s, PolicySummary::grade1Median, 1);
        panel(g, 1, "Grade 1 within 15 min (%)", s, PolicySummary::grade1WithinTarget, 100);
        panel(g, 2, "Distance per incident (km)", s, PolicySummary::kmPerIncident, 1);
        panel(g, 3, "Officer availability (%)", s, PolicySummary::availability, 100);
        g.dispose();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void panel(Graphics2D g, int index, String title, List<PolicySummary> summaries,
                              Function<PolicySummary, Interval> figure, double scale) {
        int x0 = index * PANEL_W + 50;
        int top = 70;
        int bottom = PANEL_H - 10;
        int width = PANEL_W - 70;
        double max = 0;
        for (PolicySummary s : summaries) {
            Interval i = figure.apply(s);
            double high = Double.isNaN(i.halfWidth()) ? i.mean() : i.high();
            if (Double.isFinite(high)) {
                max = Math.max(max, high * scale);
            }
        }
        max = max <= 0 ? 1 : max * 1.15;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(title, x0 - 30, 50);
        g.drawLine(x0, top, x0, bottom);
        g.drawLine(x0, bottom, x0 + width, bottom);
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            int y = bottom - (int) Math.round((bottom - top) * t / 4.0);
            g.drawString(String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v), x0 - 40, y + 4);
        }
        int bar = width / Math.max(1, summaries.size());
        for (int k = 0; k < summaries.size(); k++) {
            Interval i = figure.apply(summaries.get(k));
            double mean = i.mean() * scale;
            int left = x0 + k * bar + bar / 6;
            int w = bar * 2 / 3;
            if (Double.isFinite(mean)) {
                int h = (int) Math.round((bottom - top) * Math.min(mean, max) / max);
                g.setColor(COLOURS[k % COLOURS.length]);
                g.fillRect(left, bottom - h, w, h);
                if (Double.isFinite(i.halfWidth())) {
                    g.setColor(Color.BLACK);
                    g.setStroke(new BasicStroke(1.5f));
                    int yLow = bottom - (int) Math.round((bottom - top) * Math.max(0, i.low() * scale) / max);
                    int yHigh = bottom - (int) Math.round((bottom - top) * Math.min(max, i.high() * scale) / max);
                    int cx = left + w / 2;
                    g.drawLine(cx, yLow, cx, yHigh);
                    g.drawLine(cx - 6, yLow, cx + 6, yLow);
                    g.drawLine(cx - 6, yHigh, cx + 6, yHigh);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(summaries.get(k).policy(), left, bottom + 14 > PANEL_H + 30 ? PANEL_H + 30 : bottom + 14);
        }
    }
}
