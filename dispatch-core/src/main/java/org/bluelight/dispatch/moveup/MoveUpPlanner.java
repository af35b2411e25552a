package org.bluelight.dispatch.moveup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;

/**
 * Which available officers of one dispatch group should move where, DMEXCLP-style: each cell's expected covered
 * demand is {@code d (1 − q^k)} with {@code k} the available officers in reach and {@code q} the group's live busy
 * fraction, so a move gains {@code Σ d (q^k_before − q^k_after)} over the cells it changes. Only cells with demand
 * below their required level are targets; moves are chosen greedily by gain against cost (travel time, leaving the
 * home area), skipping officers near their shift end or already moved in the last hour.
 *
 * <p>Reach is straight-line at a response speed: cheap enough to weigh every officer against every target, and the
 * same in the evaluator and the live app.
 */
public final class MoveUpPlanner {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final int MAX_TARGETS = 30;
    private static final double MIN_BUSY = 0.01;
    private static final double MAX_BUSY = 0.99;

    private final MoveUpSettings settings;

    public MoveUpPlanner(MoveUpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public MoveUpSettings settings() {
        return settings;
    }

    /**
     * @param officers    the group's on-duty officers (any state); available ones with a position can be moved
     * @param cells       the cells the group serves
     * @param recentMoves per officer, when it was last recommended a move (older entries are ignored)
     */
    public List<MoveUp> plan(List<Officer> officers, List<DemandCell> cells, Map<String, List<Instant>> recentMoves,
                             Instant now) {
        long onDuty = officers.stream().filter(o -> o.state() != OfficerState.OFF_DUTY).count();
        List<Officer> available = officers.stream().filter(o -> o.isAvailable() && o.position() != null).toList();
        if (onDuty == 0 || cells.isEmpty()) {
            return List.of();
        }
        double busy = Math.min(MAX_BUSY, Math.max(MIN_BUSY, 1 - available.size() / (double) onDuty));
        Map<String, GeoPoint> at = new HashMap<>();
        available.forEach(o -> at.put(o.id(), o.position()));
        int[] inReach = new int[cells.size()];
        for (GeoPoint p : at.values()) {
            for (int c = 0; c < cells.size(); c++) {
                if (reaches(p, cells.get(c))) {
                    inReach[c]++;
                }
            }
        }
        List<Officer> movable = new ArrayList<>(available.stream()
                .filter(o -> o.shiftEnd() == null || Duration.between(now, o.shiftEnd()).compareTo(settings.shiftEndMargin()) >= 0)
                .filter(o -> movesInLastHour(recentMoves.getOrDefault(o.id(), List.of()), now) < settings.maxMovesPerHour())
                .toList());
        List<MoveUp> plan = new ArrayList<>();
        while (plan.size() < settings.maxMovesPerPlan() && !movable.isEmpty()) {
            List<Integer> targets = shortCells(cells, inReach);
            if (targets.isEmpty()) {
                break;
            }
            Move best = null;
            for (Officer officer : movable) {
                for (int target : targets) {
                    Move move = weigh(officer, at.get(officer.id()), target, cells, inReach, busy);
                    if (move != null && (best == null || move.score > best.score)) {
                        best = move;
                    }
                }
            }
            if (best == null) {
                break;
            }
            apply(best, at.get(best.officer.id()), cells, inReach);
            at.put(best.officer.id(), cells.get(best.target).centre());
            movable.remove(best.officer);
            plan.add(best.toMoveUp(cells.get(best.target), busy));
        }
        return plan;
    }

    /**
     * The cells a group's plan weighs: those one of its on-duty officers could reach after a move of at most the
     * longest allowed drive.
     */
    public List<DemandCell> cellsWithinMove(List<Officer> officers, List<DemandCell> cells) {
        double meters = settings.reachMeters() + settings.moveKmh() * 1000 * settings.maxTravel().toMillis() / 3_600_000.0;
        List<GeoPoint> positions = officers.stream().filter(o -> o.state() != OfficerState.OFF_DUTY && o.position() != null)
                .map(Officer::position).toList();
        return cells.stream().filter(cell -> positions.stream().anyMatch(p -> p.metersTo(cell.centre()) <= meters)).toList();
    }

    private record Move(Officer officer, int target, double gain, int shortCellsHelped,
                        double travelMinutes, boolean leavesHome, double score) {

        MoveUp toMoveUp(DemandCell cell, double busy) {
            List<String> reasons = new ArrayList<>();
            reasons.add(String.format(Locale.ROOT, "%d cell(s) with demand short of cover come within reach", shortCellsHelped));
            reasons.add(String.format(Locale.ROOT, "expected covered demand +%.2f incidents/h (group busy %.0f%%)",
                    gain, busy * 100));
            reasons.add(String.format(Locale.ROOT, "about %.0f min drive", travelMinutes));
            if (leavesHome) {
                reasons.add("leaves home area " + officer.homeArea() + " for " + cell.area());
            }
            return new MoveUp(officer.id(), cell.cellId(), cell.centre(), gain, travelMinutes, reasons);
        }
    }

    private Move weigh(Officer officer, GeoPoint from, int target, List<DemandCell> cells, int[] inReach, double busy) {
        DemandCell goal = cells.get(target);
        double meters = from.metersTo(goal.centre());
        double minutes = settings.moveMinutes(meters);
        if (minutes > settings.maxTravel().toMillis() / 60_000.0) {
            return null;
        }
        double gain = 0;
        int helped = 0;
        for (int c = 0; c < cells.size(); c++) {
            DemandCell cell = cells.get(c);
            int before = inReach[c];
            int after = before - (reaches(from, cell) ? 1 : 0) + (reaches(goal.centre(), cell) ? 1 : 0);
            if (after != before) {
                double delta = cell.demandPerHour() * (Math.pow(busy, before) - Math.pow(busy, after));
                gain += delta;
                if (after > before && before < cell.requiredLevel() && cell.demandPerHour() > 0) {
                    helped++;
                }
            }
        }
        if (helped == 0 || gain < settings.minGainPerHour()) {
            return null;
        }
        boolean leavesHome = officer.homeArea() != null && goal.area() != null && !officer.homeArea().equals(goal.area());
        double score = gain * (leavesHome ? settings.leaveHomeFactor() : 1) / (1 + minutes / 15);
        return new Move(officer, target, gain, helped, minutes, leavesHome, score);
    }

    private void apply(Move move, GeoPoint from, List<DemandCell> cells, int[] inReach) {
        GeoPoint to = cells.get(move.target).centre();
        for (int c = 0; c < cells.size(); c++) {
            inReach[c] += (reaches(to, cells.get(c)) ? 1 : 0) - (reaches(from, cells.get(c)) ? 1 : 0);
        }
    }

    /** Cells with demand and fewer available officers in reach than required, most demand first. */
    private static List<Integer> shortCells(List<DemandCell> cells, int[] inReach) {
        List<Integer> shortOnes = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c).demandPerHour() > 0 && inReach[c] < cells.get(c).requiredLevel()) {
                shortOnes.add(c);
            }
        }
        shortOnes.sort(Comparator.comparingDouble((Integer c) -> -cells.get(c).demandPerHour()));
        return shortOnes.size() > MAX_TARGETS ? shortOnes.subList(0, MAX_TARGETS) : shortOnes;
    }

    private boolean reaches(GeoPoint from, DemandCell cell) {
        return from.metersTo(cell.centre()) <= settings.reachMeters();
    }

    private static long movesInLastHour(List<Instant> moves, Instant now) {
        return moves.stream().filter(t -> t.isAfter(now.minus(HOUR))).count();
    }
}
