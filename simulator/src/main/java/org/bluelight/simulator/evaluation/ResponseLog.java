package org.bluelight.simulator.evaluation;

import java.util.Arrays;

/** Response times of one grade, in minutes, with never-attended incidents counted as infinitely slow. */
final class ResponseLog {

    private double[] minutes = new double[64];
    private int size;

    void add(double value) {
        if (size == minutes.length) {
            minutes = Arrays.copyOf(minutes, size * 2);
        }
        minutes[size++] = value;
    }

    int count() {
        return size;
    }

    /** The q-quantile (nearest rank); infinite when that rank was never attended; NaN with no incidents. */
    double quantile(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(minutes, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    double shareWithin(double limitMinutes) {
        if (size == 0) {
            return Double.NaN;
        }
        int within = 0;
        for (int i = 0; i < size; i++) {
            if (minutes[i] <= limitMinutes) {
                within++;
            }
        }
        return within / (double) size;
    }
}
