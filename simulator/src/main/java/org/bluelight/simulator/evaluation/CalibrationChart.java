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
import javax.imageio.ImageIO;

/**
 * A PNG of a calibration (Java2D, headless). Left: each ranged target as a grey band, scaled so the band's middle
 * is 1, with the simulated mean and its 95% interval (green when in range, red when not). Right: the grade 1
 * median by hour of the day with its interval, against the 13-minute West Midlands target, the morning and the
 * noon-to-23:00 hours shaded.
 */
public final class CalibrationChart {

    private static final int W = 1300;
    private static final int H = 440;
    private static final Color PASS = new Color(0x2E8B3E);
    private static final Color MISS = new Color(0xC8302C);
    private static final Color BAND = new Color(0xD8D8D8);
    private static final Color LINE = new Color(0x1F5AA6);
    private static final double WM_P1_TARGET_MINUTES = 13;

    private CalibrationChart() {
    }

    public static void writePng(CalibrationReport report, Path file) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(String.format(Locale.ROOT, "Calibration of %s (%s policy): %d days, %d warm-up, %d replications; %d of %d targets met",
                report.scenario(), report.policy(), report.days(), report.warmupDays(), report.replications(), report.passed(),
                report.checks().size()), 10, 22);
        targets(g, report.checks().stream().filter(c -> Double.isFinite(c.high())).toList());
        byHour(g, report.grade1MedianByHour());
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

    private static void targets(Graphics2D g, List<CalibrationTarget.Check> checks) {
        int x0 = 230;
        int width = 330;
        int top = 60;
        int row = Math.min(36, (H - top - 40) / Math.max(1, checks.size()));
        double max = 2;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString("simulated / middle of the target range (grey band = pass)", x0, top - 12);
        int bottom = top + row * checks.size();
        for (int t = 0; t <= 4; t++) {
            int x = x0 + width * t / 4;
            g.setColor(new Color(0xEEEEEE));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.1f", max * t / 4), x - 8, bottom + 16);
        }
        for (int k = 0; k < checks.size(); k++) {
            CalibrationTarget.Check c = checks.get(k);
            double middle = (c.low() + c.high()) / 2;
            int y = top + row * k + row / 2;
            g.setColor(BAND);
            g.fillRect(xAt(x0, width, c.low() / middle, max), y - row / 3, Math.max(2,
                    xAt(x0, width, c.high() / middle, max) - xAt(x0, width, c.low() / middle, max)), row * 2 / 3);
            Interval s = c.simulated();
            g.setColor(c.pass() ? PASS : MISS);
            if (Double.isFinite(s.halfWidth())) {
                g.setStroke(new BasicStroke(1.5f));
                g.drawLine(xAt(x0, width, s.low() / middle, max), y, xAt(x0, width, s.high() / middle, max), y);
            }
            int x = xAt(x0, width, s.mean() / middle, max);
            g.fillOval(x - 5, y - 5, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(c.figure(), 10, y + 4);
        }
    }

    private static int xAt(int x0, int width, double ratio, double max) {
        double clipped = Double.isFinite(ratio) ? Math.max(0, Math.min(max, ratio)) : max;
        return x0 + (int) Math.round(width * clipped / max);
    }

    private static void byHour(Graphics2D g, List<Interval> hours) {
        int x0 = 660;
        int width = 600;
        int top = 60;
        int bottom = H - 50;
        double max = WM_P1_TARGET_MINUTES * 1.5;
        for (Interval i : hours) {
            double high = Double.isFinite(i.halfWidth()) ? i.high() : i.mean();
            if (Double.isFinite(high)) {
                max = Math.max(max, high * 1.1);
            }
        }
        int step = width / 24;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0xFFF1D6));
        g.fillRect(x0 + Calibration.AFTERNOON_FROM * step, top, (Calibration.AFTERNOON_TO - Calibration.AFTERNOON_FROM) * step, bottom - top);
        g.setColor(new Color(0xE3EEF9));
        g.fillRect(x0 + Calibration.MORNING_FROM * step, top, (Calibration.MORNING_TO - Calibration.MORNING_FROM) * step, bottom - top);
        g.setColor(Color.BLACK);
        g.drawString("P1 median response by hour of the call (min), 95% band; dashed: 13-min target", x0, top - 12);
        g.drawLine(x0, top, x0, bottom);
        g.drawLine(x0, bottom, x0 + width, bottom);
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            int y = bottom - (int) Math.round((bottom - top) * v / max);
            g.drawString(String.format(Locale.ROOT, "%.0f", v), x0 - 28, y + 4);
        }
        for (int h = 0; h < 24; h += 3) {
            g.drawString(String.format(Locale.ROOT, "%02d", h), x0 + h * step + step / 2 - 7, bottom + 16);
        }
        int yTarget = bottom - (int) Math.round((bottom - top) * WM_P1_TARGET_MINUTES / max);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        g.drawLine(x0, yTarget, x0 + width, yTarget);
        g.setStroke(new BasicStroke(2f));
        int previousX = -1;
        int previousY = -1;
        for (int h = 0; h < 24; h++) {
            Interval i = hours.get(h);
            if (!Double.isFinite(i.mean())) {
                previousX = -1;
                continue;
            }
            int x = x0 + h * step + step / 2;
            int y = bottom - (int) Math.round((bottom - top) * Math.min(max, i.mean()) / max);
            if (Double.isFinite(i.halfWidth())) {
                g.setColor(new Color(0x9DB9E0));
                int yLow = bottom - (int) Math.round((bottom - top) * Math.max(0, i.low()) / max);
                int yHigh = bottom - (int) Math.round((bottom - top) * Math.min(max, i.high()) / max);
                g.drawLine(x, yLow, x, yHigh);
            }
            g.setColor(LINE);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            g.fillOval(x - 3, y - 3, 6, 6);
            previousX = x;
            previousY = y;
        }
        g.setColor(Color.BLACK);
        g.drawString("blue shade: 06-09h, orange: 12-23h (document 003: high P1 times from noon to 23:00)", x0, H - 14);
    }
}
