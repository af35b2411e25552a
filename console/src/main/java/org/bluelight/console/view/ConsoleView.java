package org.bluelight.console.view;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.MoveUpRecommendation;
import org.bluelight.schemas.MoveUpStatus;
import org.bluelight.schemas.OfficerCoverageImpact;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.PatrolTaskStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.ResponseKpi;

/**
 * What the console shows, kept live from the topics: open incidents with their latest
 * recommendation and current assignment, each group's backlog, every unit's status and latest
 * position, coverage cells, officer coverage impact, the latest response KPIs, and the open move-ups
 * and patrol tasks. Small enough for every instance to hold all of it.
 *
 * <p>Every change is also collected, per part and key, until {@link #drainChanges()} hands the
 * batch to the browsers; a {@code null} value in a batch means the entry is gone.
 */
public final class ConsoleView {

    /** The parts of the view, as the page names them. */
    public static final String INCIDENTS = "incidents";
    public static final String RECOMMENDATIONS = "recommendations";
    public static final String ASSIGNMENTS = "assignments";
    public static final String CONFLICTS = "conflicts";
    public static final String BACKLOG = "backlog";
    public static final String UNITS = "units";
    public static final String POSITIONS = "positions";
    public static final String CELLS = "cells";
    /** Each cell's hexagon, sent once per cell: coverage cells change every few seconds, their shape never. */
    public static final String OUTLINES = "outlines";
    public static final String IMPACTS = "impacts";
    public static final String KPIS = "kpis";
    /** Open move-ups and patrol tasks by officer: awaiting a decision or accepted; gone once over. */
    public static final String MOVEUPS = "moveups";
    public static final String PATROLS = "patrols";
    private static final List<String> PARTS = List.of(INCIDENTS, RECOMMENDATIONS, ASSIGNMENTS, CONFLICTS, BACKLOG,
            UNITS, POSITIONS, CELLS, OUTLINES, IMPACTS, KPIS, MOVEUPS, PATROLS);

    private final Function<String, List<double[]>> cellOutline;
    private final Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
    /** Incidents closed or cancelled: late recommendations and assignments for them are not shown. */
    private final Set<String> finished = new HashSet<>();
    private long duplicateAssignments;

    /** @param cellOutline the boundary of an H3 cell id as [lat, lon] pairs */
    public ConsoleView(Function<String, List<double[]>> cellOutline) {
        this.cellOutline = cellOutline;
        PARTS.forEach(part -> parts.put(part, new TreeMap<>()));
    }

    public synchronized void incident(String incidentId, IncidentEvent event) {
        if (event == null) {
            return;
        }
        if (event.getEventType() == IncidentEventType.CLOSED || event.getEventType() == IncidentEventType.CANCELLED) {
            finished.add(incidentId);
            put(INCIDENTS, incidentId, null);
            put(RECOMMENDATIONS, incidentId, null);
            put(ASSIGNMENTS, incidentId, null);
            put(CONFLICTS, incidentId, null);
            return;
        }
        finished.remove(incidentId);
        put(INCIDENTS, incidentId, event);
    }

    public synchronized void recommendation(String incidentId, Recommendation recommendation) {
        if (recommendation == null || finished.contains(incidentId)) {
            return;
        }
        Recommendation current = (Recommendation) parts.get(RECOMMENDATIONS).get(incidentId);
        if (current == null || recommendation.getRevision() >= current.getRevision()) {
            put(RECOMMENDATIONS, incidentId, recommendation);
        }
    }

    /**
     * An assignment decision. The first ASSIGNED record on the topic wins until a STOOD_DOWN; a
     * later ASSIGNED for an incident already assigned (two consoles accepting at once) is kept
     * aside as a conflict for the supervisor, not shown as the assignment.
     */
    public synchronized void assignment(String incidentId, Assignment assignment) {
        if (assignment == null || finished.contains(incidentId)) {
            return;
        }
        Assignment current = (Assignment) parts.get(ASSIGNMENTS).get(incidentId);
        if (assignment.getAction() == AssignmentAction.STOOD_DOWN) {
            put(ASSIGNMENTS, incidentId, null);
            put(CONFLICTS, incidentId, null);
        } else if (assignment.equals(current)) {
            return;
        } else if (current == null) {
            put(ASSIGNMENTS, incidentId, assignment);
        } else {
            duplicateAssignments++;
            put(CONFLICTS, incidentId, assignment);
        }
    }

    public synchronized void backlog(String group, BacklogSnapshot snapshot) {
        put(BACKLOG, group, snapshot);
    }

    public synchronized void unit(String officerId, OfficerStatus status) {
        put(UNITS, officerId, status);
    }

    /** The latest fix per unit; an older fix arriving late does not move the unit back. */
    public synchronized void position(String officerId, PositionFix fix) {
        if (fix == null) {
            return;
        }
        PositionFix current = (PositionFix) parts.get(POSITIONS).get(officerId);
        if (current == null || !fix.getFixedAt().isBefore(current.getFixedAt())) {
            put(POSITIONS, officerId, fix);
        }
    }

    /**
     * A cell's coverage; a new record that differs only in its time is not passed on (the coverage
     * app republishes cells often, and browsers need only what they show).
     */
    public synchronized void cell(String cellId, CoverageCell cell) {
        CoverageCell current = (CoverageCell) parts.get(CELLS).get(cellId);
        if (cell != null && current != null
                && CoverageCell.newBuilder(cell).setUpdatedAt(current.getUpdatedAt()).build().equals(current)) {
            return;
        }
        if (cell != null && !parts.get(OUTLINES).containsKey(cellId)) {
            put(OUTLINES, cellId, cellOutline.apply(cellId));
        }
        put(CELLS, cellId, cell);
    }

    public synchronized void impact(String officerId, OfficerCoverageImpact impact) {
        put(IMPACTS, officerId, impact);
    }

    /** The latest window of each group, grade and window size. */
    public synchronized void kpi(ResponseKpi kpi) {
        if (kpi == null) {
            return;
        }
        String key = kpi.getDispatchGroup() + "|" + kpi.getGrade() + "|" + kpi.getWindowSize();
        ResponseKpi current = (ResponseKpi) parts.get(KPIS).get(key);
        if (current == null || !kpi.getWindowStart().isBefore(current.getWindowStart())) {
            put(KPIS, key, kpi);
        }
    }

    /** A move-up shows while recommended or accepted; declined or withdrawn, it leaves the view. */
    public synchronized void moveUp(String officerId, MoveUpRecommendation moveUp) {
        boolean open = moveUp != null
                && (moveUp.getStatus() == MoveUpStatus.RECOMMENDED || moveUp.getStatus() == MoveUpStatus.ACCEPTED);
        put(MOVEUPS, officerId, open ? moveUp : null);
    }

    /** A patrol task shows while tasked or accepted; declined, pre-empted or done, it leaves the view. */
    public synchronized void patrolTask(String officerId, PatrolTaskRecommendation task) {
        boolean open = task != null
                && (task.getStatus() == PatrolTaskStatus.TASKED || task.getStatus() == PatrolTaskStatus.ACCEPTED);
        put(PATROLS, officerId, open ? task : null);
    }

    public synchronized Optional<MoveUpRecommendation> moveUpOf(String officerId) {
        return Optional.ofNullable((MoveUpRecommendation) parts.get(MOVEUPS).get(officerId));
    }

    public synchronized Optional<PatrolTaskRecommendation> patrolTaskOf(String officerId) {
        return Optional.ofNullable((PatrolTaskRecommendation) parts.get(PATROLS).get(officerId));
    }

    public synchronized Optional<IncidentEvent> openIncident(String incidentId) {
        return Optional.ofNullable((IncidentEvent) parts.get(INCIDENTS).get(incidentId));
    }

    public synchronized Optional<Recommendation> recommendationFor(String incidentId) {
        return Optional.ofNullable((Recommendation) parts.get(RECOMMENDATIONS).get(incidentId));
    }

    public synchronized Optional<Assignment> assignmentOf(String incidentId) {
        return Optional.ofNullable((Assignment) parts.get(ASSIGNMENTS).get(incidentId));
    }

    public synchronized Optional<OfficerStatus> unitStatus(String officerId) {
        return Optional.ofNullable((OfficerStatus) parts.get(UNITS).get(officerId));
    }

    public synchronized long duplicateAssignments() {
        return duplicateAssignments;
    }

    /** How many entries each part holds. */
    public synchronized Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        parts.forEach((part, entries) -> sizes.put(part, entries.size()));
        return sizes;
    }

    /** The whole view: part → key → value. */
    public synchronized Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        parts.forEach((part, entries) -> copy.put(part, new TreeMap<>(entries)));
        return copy;
    }

    /** The changes since the last call: part → key → new value, or null when the entry is gone. */
    public synchronized Map<String, Map<String, Object>> drainChanges() {
        Map<String, Map<String, Object>> drained = new LinkedHashMap<>(changes);
        changes.clear();
        return drained;
    }

    /**
     * Runs {@code action} with the view held still, so a new browser can take the snapshot and
     * join the stream of changes without missing one.
     */
    public synchronized void holdStill(Runnable action) {
        action.run();
    }

    private void put(String part, String key, Object value) {
        Map<String, Object> entries = parts.get(part);
        if (value == null) {
            if (entries.remove(key) == null) {
                return;
            }
        } else {
            entries.put(key, value);
        }
        changes.computeIfAbsent(part, p -> new LinkedHashMap<>()).put(key, value);
    }
}
