package org.bluelight.coverage.demand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.coverage.cell.CellGrid;

/**
 * Expected incidents per hour by cell and hour of the week, known before any incident has been
 * seen (for example from last year's records), for a cold start.
 *
 * <p>File format: CSV with the header {@code cell,hour_of_week,incidents_per_hour}; {@code cell}
 * an H3 id at the grid's resolution, {@code hour_of_week} 0 (Monday 00:00) to 167. Blank lines and
 * lines starting with {@code #} are skipped.
 */
public final class DemandSeed {

    public static final String HEADER = "cell,hour_of_week,incidents_per_hour";

    private final Map<Long, double[]> ratesByCell;

    private DemandSeed(Map<Long, double[]> ratesByCell) {
        this.ratesByCell = ratesByCell;
    }

    public static DemandSeed none() {
        return new DemandSeed(Map.of());
    }

    public static DemandSeed load(Path file, CellGrid grid) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), grid, file.toString());
    }

    public static DemandSeed parse(List<String> lines, CellGrid grid, String source) {
        Map<Long, double[]> rates = new HashMap<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new DemandSeedException(source, lineNumber, "expected the header '" + HEADER + "'");
                }
                headerSeen = true;
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw new DemandSeedException(source, lineNumber, "expected 3 fields, found " + fields.length);
            }
            long cell;
            int hour;
            double rate;
            try {
                cell = CellGrid.parse(fields[0]);
                hour = new HourOfWeek(Integer.parseInt(fields[1].strip())).value();
                rate = Double.parseDouble(fields[2].strip());
            } catch (IllegalArgumentException e) {
                throw new DemandSeedException(source, lineNumber, e.getMessage());
            }
            if (CellGrid.resolutionOf(cell) != grid.resolution()) {
                throw new DemandSeedException(source, lineNumber, "cell " + fields[0]
                        + " has resolution " + CellGrid.resolutionOf(cell) + ", the grid uses " + grid.resolution());
            }
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new DemandSeedException(source, lineNumber, "incidents per hour must be a finite number >= 0");
            }
            rates.computeIfAbsent(cell, c -> new double[HourOfWeek.HOURS_PER_WEEK])[hour] = rate;
        }
        if (!headerSeen) {
            throw new DemandSeedException(source, 1, "empty file, expected the header '" + HEADER + "'");
        }
        return new DemandSeed(rates);
    }

    public double rateFor(long cell, HourOfWeek hour) {
        double[] rates = ratesByCell.get(cell);
        return rates == null ? 0 : rates[hour.value()];
    }

    public Set<Long> cells() {
        return ratesByCell.keySet();
    }
}
