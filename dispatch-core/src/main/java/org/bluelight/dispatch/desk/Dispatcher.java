package org.bluelight.dispatch.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.recommend.Outcome;
import org.bluelight.dispatch.recommend.Recommendation;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;

/**
 * The lifecycle of recommendations and backlogs for dispatch groups: what to publish when an
 * incident, a dispatcher's decision, a unit's status or the clock moves on. All state lives in a
 * {@link DispatchBoard}; all choices of units in the {@link Recommender}.
 *
 * <ul>
 *   <li>An incident of a recommended grade gets a recommendation when reported, regraded or
 *       changed; with no suitable unit it waits in its group's backlog (status NO_CANDIDATE).
 *       Higher grades wait as scheduled work.</li>
 *   <li>A recommendation is refreshed when a unit it names stops being available, or when a unit
 *       freed nearby becomes the best candidate; it is withdrawn once units are assigned (by CAD
 *       or by their own status) or the incident closes.</li>
 *   <li>When a unit becomes free, the first waiting incident it makes recommendable, head of the
 *       queue first, is served.</li>
 *   <li>A unit diverted to another incident leaves its old incident; with nobody left on it, that
 *       incident is evaluated again and returns to the backlog if nobody can take it.</li>
 *   <li>No event costs unbounded work: a group holds at most so many units and open incidents, and
 *       a freed unit is offered to at most so many incidents ({@link DeskLimits}).</li>
 * </ul>
 */
public final class Dispatcher {

    private final DispatchRules rules;
    private final Recommender recommender;
    private final DispatchBoard board;
    private final DeskLimits limits;
    /** Per event: each group's backlog as it was before the event's first case change (a fix mostly changes none). */
    private final Map<String, List<WaitingIncident>> backlogBefore = new HashMap<>();

    public Dispatcher(Recommender recommender, DispatchBoard board) {
        this(recommender, board, DeskLimits.defaults());
    }

    public Dispatcher(Recommender recommender, DispatchBoard board, DeskLimits limits) {
        this.rules = recommender.rules();
        this.recommender = recommender;
        this.board = board;
        this.limits = limits;
    }

    public DispatchBoard board() {
        return board;
    }

    /** A CAD change to an incident, whose grade the caller has checked against the rules. */
    public List<DeskOutput> onIncident(Incident incident, IncidentEventType type, Instant now) {
        if (!rules.knowsGrade(incident.grade())) {
            throw new RejectedInput("unknown grade " + incident.grade() + " on incident " + incident.id());
        }
        String group = incident.dispatchGroup();
        backlogBefore.clear();
        List<DeskOutput> out = new ArrayList<>();
        var previous = board.incidentCase(group, incident.id());
        if (type == IncidentEventType.CLOSED || type == IncidentEventType.CANCELLED) {
            previous.ifPresent(open -> {
                if (open.hasLiveRecommendation()) {
                    publish(open, null, RecommendationTrigger.WITHDRAWN, RecommendationStatus.WITHDRAWN, now, out);
                }
                removeCase(open);
            });
        } else if (previous.isEmpty()) {
            int open = board.cases(group).size();
            if (open >= limits.maxOpenIncidents()) {
                throw new RejectedInput(DeskLimits.GROUP_FULL, "incident " + incident.id() + ": dispatch group " + group
                        + " already has " + open + " open incidents, the most one group may hold");
            }
            evaluate(IncidentCase.opened(incident), RecommendationTrigger.REPORTED, now, null, out);
        } else {
            IncidentCase open = previous.get();
            Incident old = open.incident();
            if (open.stage() == Stage.ASSIGNED) {
                putCase(open.with(incident));
            } else if (old.grade() != incident.grade()) {
                evaluate(open.with(incident), RecommendationTrigger.REGRADED, now, null, out);
            } else if (changesChoice(old, incident)) {
                evaluate(open.with(incident), RecommendationTrigger.REPORTED, now, null, out);
            } else {
                putCase(open.with(incident));
            }
        }
        return withSnapshot(group, now, out);
    }

    /** A dispatcher's decision from CAD. */
    public List<DeskOutput> onAssignment(String group, String incidentId, AssignmentAction action,
                                         List<String> officerIds, Instant now) {
        IncidentCase open = board.incidentCase(group, incidentId).orElseThrow(() ->
                new RejectedInput("assignment for incident " + incidentId + ", which is not open in dispatch group " + group));
        backlogBefore.clear();
        List<DeskOutput> out = new ArrayList<>();
        if (action == AssignmentAction.ASSIGNED) {
            for (String officerId : officerIds) {
                board.officer(group, officerId)
                        .filter(o -> busyWith(o) && !incidentId.equals(o.incidentId()))
                        .ifPresent(o -> leave(o, o.incidentId(), incidentId, now, out));
            }
            Set<String> assigned = new LinkedHashSet<>(open.assignedOfficerIds());
            assigned.addAll(officerIds);
            markAssigned(board.incidentCase(group, incidentId).orElse(open), List.copyOf(assigned), now, out);
        } else {
            List<String> remaining = open.assignedOfficerIds().stream().filter(id -> !officerIds.contains(id)).toList();
            if (open.stage() == Stage.ASSIGNED && remaining.isEmpty()) {
                // Nobody left on it: back to the queue (the contract has no stood-down trigger).
                evaluate(open.assigned(List.of()), RecommendationTrigger.REPORTED, now,
                        "returned to the queue: units stood down", out);
            } else if (open.stage() == Stage.ASSIGNED) {
                putCase(open.assigned(remaining));
            }
        }
        return withSnapshot(group, now, out);
    }

    /** A unit's new state (status, position or coverage changed). */
    public List<DeskOutput> onOfficer(Officer officer, Instant now) {
        String group = officer.dispatchGroup();
        backlogBefore.clear();
        List<DeskOutput> out = new ArrayList<>();
        Officer previous = board.officer(group, officer.id()).orElse(null);
        if (previous == null) {
            int units = board.officers(group).size();
            if (units >= limits.maxOfficers()) {
                throw new RejectedInput(DeskLimits.GROUP_FULL, "officer " + officer.id() + ": dispatch group " + group
                        + " already has " + units + " units, the most one group may hold");
            }
        }
        board.putOfficer(officer);

        if (previous != null && busyWith(previous) && busyWith(officer)
                && !Objects.equals(previous.incidentId(), officer.incidentId())) {
            leave(officer, previous.incidentId(), officer.incidentId(), now, out);
        }
        if (busyWith(officer)) {
            board.incidentCase(group, officer.incidentId())
                    .filter(c -> c.stage() != Stage.ASSIGNED || !c.assignedOfficerIds().contains(officer.id()))
                    .ifPresent(c -> {
                        Set<String> assigned = new LinkedHashSet<>(c.assignedOfficerIds());
                        assigned.add(officer.id());
                        markAssigned(c, List.copyOf(assigned), now, out);
                    });
        }
        if (previous != null && previous.state() != officer.state() && !officer.isAvailable()) {
            refreshNaming(group, officer.id(), officer.incidentId(), now, out);
        }
        if (officer.isAvailable() && (previous == null || !previous.isAvailable())) {
            int offered = serveBacklog(group, now, out);
            offerIfBetter(officer, limits.maxReevaluations() - offered, now, out);
        }
        return withSnapshot(group, now, out);
    }

    /** A unit left the group (moved to another group, or off the records). */
    public List<DeskOutput> onOfficerLeft(String group, String officerId, Instant now) {
        backlogBefore.clear();
        List<DeskOutput> out = new ArrayList<>();
        board.removeOfficer(group, officerId);
        refreshNaming(group, officerId, null, now, out);
        return withSnapshot(group, now, out);
    }

    /** Time passed: waiting incidents that have just passed their target are shown breached. */
    public List<DeskOutput> onClock(Instant now) {
        List<DeskOutput> out = new ArrayList<>();
        for (String group : board.groupsWithBacklog()) {
            boolean changed = false;
            for (WaitingIncident waiting : board.backlog(group)) {
                IncidentCase open = board.incidentCase(group, waiting.incidentId()).orElse(null);
                if (open != null && waiting.breached(now) && !open.breachReported()) {
                    board.putCase(open.breachShown());
                    changed = true;
                }
            }
            if (changed) {
                out.add(new DeskOutput.BacklogChanged(group, now, board.backlog(group)));
            }
        }
        return out;
    }

    private void evaluate(IncidentCase open, RecommendationTrigger trigger, Instant now, String note, List<DeskOutput> out) {
        Incident incident = open.incident();
        if (!rules.recommendsNow(incident.grade())) {
            if (open.hasLiveRecommendation()) {
                open = publish(open, null, trigger, RecommendationStatus.WITHDRAWN, now, out);
            }
            putCase(open.waiting(entry(open, now, annotate(note, "scheduled (grade " + incident.grade() + ")"))));
            return;
        }
        Outcome outcome = recommender.recommend(incident, board.officers(incident.dispatchGroup()), now,
                grades(incident.dispatchGroup()));
        if (outcome.hasCandidates()) {
            IncidentCase next = open.recommended(officerIdsOf(outcome),
                    outcome.shortlistRadiusMeters(), outcome.best().score());
            putCase(publish(next, outcome, trigger, RecommendationStatus.ACTIVE, now, out));
        } else {
            IncidentCase next = open.waiting(entry(open, now, annotate(note, outcome.noCandidateReason())));
            putCase(publish(next, outcome, trigger, RecommendationStatus.NO_CANDIDATE, now, out));
        }
    }

    /** Serves the first waiting incident the group's units can now take; how many incidents it tried. */
    private int serveBacklog(String group, Instant now, List<DeskOutput> out) {
        // Read once: a scan of the group's officers per waiting incident made each freed unit cost
        // backlog x officers reads, seconds per record once a group held hundreds of each.
        List<Officer> officers = null;
        int tried = 0;
        for (WaitingIncident waiting : board.backlog(group)) {
            Incident incident = waiting.incident();
            if (!rules.recommendsNow(incident.grade()) || incident.location() == null) {
                continue;
            }
            if (tried == limits.maxReevaluations()) {
                return tried;
            }
            tried++;
            officers = officers == null ? board.officers(group) : officers;
            Outcome outcome = recommender.recommend(incident, officers, now, grades(group));
            if (outcome.hasCandidates()) {
                IncidentCase open = board.incidentCase(group, incident.id()).orElseThrow();
                IncidentCase next = open.recommended(officerIdsOf(outcome), outcome.shortlistRadiusMeters(),
                        outcome.best().score());
                putCase(publish(next, outcome, RecommendationTrigger.BACKLOG_HEAD, RecommendationStatus.ACTIVE, now, out));
                return tried;
            }
        }
        return tried;
    }

    /** Refreshes at most {@code budget} recommendations that the freed unit, nearer than their shortlist, may improve. */
    private void offerIfBetter(Officer freed, int budget, Instant now, List<DeskOutput> out) {
        if (freed.position() == null) {
            return;
        }
        int left = budget;
        // Read once, as in serveBacklog: recommending changes cases, not officers.
        List<Officer> officers = null;
        for (IncidentCase open : board.cases(freed.dispatchGroup())) {
            Incident incident = open.incident();
            if (open.stage() != Stage.RECOMMENDED || open.recommendedOfficerIds().contains(freed.id())
                    || incident.location() == null
                    || freed.position().metersTo(incident.location()) > open.shortlistRadiusMeters()) {
                continue;
            }
            if (left-- <= 0) {
                return;
            }
            officers = officers == null ? board.officers(freed.dispatchGroup()) : officers;
            Outcome outcome = recommender.recommend(incident, officers, now, grades(freed.dispatchGroup()));
            if (outcome.hasCandidates() && outcome.best().officerIds().contains(freed.id())) {
                IncidentCase next = open.recommended(officerIdsOf(outcome), outcome.shortlistRadiusMeters(),
                        outcome.best().score());
                putCase(publish(next, outcome, RecommendationTrigger.BETTER_OFFICER_FREE,
                        RecommendationStatus.ACTIVE, now, out));
            }
        }
    }

    private void refreshNaming(String group, String officerId, String exceptIncidentId, Instant now, List<DeskOutput> out) {
        for (IncidentCase open : board.cases(group)) {
            if (open.stage() == Stage.RECOMMENDED && open.recommendedOfficerIds().contains(officerId)
                    && !open.incidentId().equals(exceptIncidentId)) {
                evaluate(open, RecommendationTrigger.CANDIDATE_UNAVAILABLE, now, null, out);
            }
        }
    }

    /** The unit leaves {@code fromIncidentId} for {@code toIncidentId}. */
    private void leave(Officer officer, String fromIncidentId, String toIncidentId, Instant now, List<DeskOutput> out) {
        board.incidentCase(officer.dispatchGroup(), fromIncidentId)
                .filter(c -> c.stage() == Stage.ASSIGNED && c.assignedOfficerIds().contains(officer.id()))
                .ifPresent(abandoned -> {
                    List<String> remaining = abandoned.assignedOfficerIds().stream()
                            .filter(id -> !id.equals(officer.id())).toList();
                    if (remaining.isEmpty()) {
                        evaluate(abandoned.assigned(List.of()), RecommendationTrigger.DIVERTED, now,
                                "returned to the queue: " + officer.label() + " diverted to incident " + toIncidentId, out);
                    } else {
                        putCase(abandoned.assigned(remaining));
                    }
                });
    }

    private void markAssigned(IncidentCase open, List<String> officerIds, Instant now, List<DeskOutput> out) {
        IncidentCase current = open;
        if (current.hasLiveRecommendation()) {
            current = publish(current, null, RecommendationTrigger.WITHDRAWN, RecommendationStatus.WITHDRAWN, now, out);
        }
        putCase(current.assigned(officerIds));
    }

    private IncidentCase publish(IncidentCase open, Outcome outcome, RecommendationTrigger trigger,
                                 RecommendationStatus status, Instant now, List<DeskOutput> out) {
        Incident incident = open.incident();
        int revision = open.revision() + 1;
        long targetSeconds = rules.target(incident.grade()).toSeconds();
        out.add(new DeskOutput.Recommended(new Recommendation(incident.id(), revision, incident.grade(),
                incident.dispatchGroup(), now, trigger, status, targetSeconds,
                incident.reportedAt().plusSeconds(targetSeconds),
                status == RecommendationStatus.NO_CANDIDATE ? outcome.noCandidateReason() : null,
                status == RecommendationStatus.ACTIVE ? outcome.candidates() : List.of())));
        return open.published(revision, status);
    }

    private WaitingIncident entry(IncidentCase open, Instant now, String reason) {
        Incident incident = open.incident();
        Instant queuedAt = open.waiting() != null ? open.waiting().queuedAt() : now;
        return new WaitingIncident(incident, queuedAt, incident.reportedAt().plus(rules.target(incident.grade())),
                (int) incident.expectedServiceTime(rules.defaultServiceTime()).toMinutes(), reason);
    }

    /** Adds the group's backlog when this event changed it; an event that changed no case changed no backlog. */
    private List<DeskOutput> withSnapshot(String group, Instant now, List<DeskOutput> out) {
        List<WaitingIncident> before = backlogBefore.get(group);
        if (before != null) {
            List<WaitingIncident> after = board.backlog(group);
            if (!after.equals(before)) {
                out.add(new DeskOutput.BacklogChanged(group, now, after));
            }
        }
        return out;
    }

    private void putCase(IncidentCase incidentCase) {
        backlogBefore.computeIfAbsent(incidentCase.dispatchGroup(), board::backlog);
        board.putCase(incidentCase);
    }

    private void removeCase(IncidentCase incidentCase) {
        backlogBefore.computeIfAbsent(incidentCase.dispatchGroup(), board::backlog);
        board.removeCase(incidentCase);
    }

    private IncidentGrades grades(String group) {
        return incidentId -> board.incidentCase(group, incidentId)
                .map(c -> OptionalInt.of(c.incident().grade())).orElse(OptionalInt.empty());
    }

    private static List<String> officerIdsOf(Outcome outcome) {
        Set<String> ids = new LinkedHashSet<>();
        outcome.candidates().forEach(candidate -> ids.addAll(candidate.officerIds()));
        return List.copyOf(ids);
    }

    private static boolean busyWith(Officer officer) {
        return officer.incidentId() != null
                && (officer.state() == OfficerState.EN_ROUTE || officer.state() == OfficerState.ON_SCENE);
    }

    private static boolean changesChoice(Incident old, Incident now) {
        return !Objects.equals(old.location(), now.location())
                || old.officersRequired() != now.officersRequired()
                || old.doubleCrewRequired() != now.doubleCrewRequired()
                || !Objects.equals(old.neighbourhoodArea(), now.neighbourhoodArea())
                || !Objects.equals(old.expectedServiceMinutes(), now.expectedServiceMinutes());
    }

    private static String annotate(String note, String reason) {
        return note == null ? reason : note + "; " + reason;
    }
}
