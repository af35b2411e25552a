package org.bluelight.simulator.tasking;

import java.time.Instant;
import org.bluelight.simulator.evaluation.SimulationWindow;

/** What the tasking desks did within the measured window of one run. */
public final class TaskingTally {

    private final SimulationWindow window;
    private int moves;
    private double moveKm;
    private int patrolTasks;

    public TaskingTally(SimulationWindow window) {
        this.window = window;
    }

    void moved(Instant at, double km) {
        if (window.measures(at)) {
            moves++;
            moveKm += km;
        }
    }

    void tasked(Instant at) {
        if (window.measures(at)) {
            patrolTasks++;
        }
    }

    public int moves() {
        return moves;
    }

    public double moveKm() {
        return moveKm;
    }

    public int patrolTasks() {
        return patrolTasks;
    }
}
