package org.bluelight.ops.bench.coverage;

import java.util.List;
import org.bluelight.coverage.cell.Position;

/** A route an officer drives at a steady pace: where they are after so many seconds on it. */
record PatrolRoute(List<Position> geometry, double[] cumulativeMeters, double seconds) {

    static PatrolRoute of(List<Position> geometry, double seconds) {
        double[] cumulative = new double[geometry.size()];
        for (int i = 1; i < geometry.size(); i++) {
            cumulative[i] = cumulative[i - 1] + geometry.get(i - 1).metersTo(geometry.get(i));
        }
        return new PatrolRoute(List.copyOf(geometry), cumulative, Math.max(seconds, 1));
    }

    boolean finishedAt(double elapsedSeconds) {
        return elapsedSeconds >= seconds;
    }

    Position positionAt(double elapsedSeconds) {
        double total = cumulativeMeters[cumulativeMeters.length - 1];
        double target = total * Math.min(1, Math.max(0, elapsedSeconds / seconds));
        for (int i = 1; i < cumulativeMeters.length; i++) {
            if (cumulativeMeters[i] >= target) {
                double leg = cumulativeMeters[i] - cumulativeMeters[i - 1];
                double f = leg == 0 ? 0 : (target - cumulativeMeters[i - 1]) / leg;
                Position a = geometry.get(i - 1);
                Position b = geometry.get(i);
                return new Position(a.lat() + f * (b.lat() - a.lat()), a.lon() + f * (b.lon() - a.lon()));
            }
        }
        return geometry.get(geometry.size() - 1);
    }
}
