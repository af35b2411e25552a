package org.bluelight.dispatch.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.app.TaskingLimits;
import org.bluelight.dispatch.app.TaskingSettings;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.moveup.DemandCell;
import org.bluelight.dispatch.moveup.MoveUp;
import org.bluelight.dispatch.moveup.MoveUpPlanner;
import org.bluelight.dispatch.patrol.PatrolTask;
import org.bluelight.dispatch.patrol.PatrolTasker;
import org.bluelight.dispatch.patrol.TrialHotSpot;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.schemas.MoveUpRecommendation;
import org.bluelight.schemas.MoveUpStatus;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.PatrolTaskStatus;
import org.bluelight.schemas.TaskKind;
import org.bluelight.schemas.TrialArm;

/**
 * The force's tasking desk, in its one partition: keeps officers, cells, hot spots and arms in stores; on each
 * period re-plans move-ups ({@link MoveUpPlanner}) per dispatch group, recommending new ones and withdrawing those
 * no longer useful, and tasks patrol visits to today's treatment hot spots ({@link PatrolTasker}). A patrol task
 * yields at once when its officer is sent to an incident; dispatchers' decisions accept or decline either.
 */
final class TaskingProcessor implements Processor<String, TaskingEvent, String, SpecificRecord> {

    private static final int DAY_STARTS_AT_HOUR = 6;

    private final TaskingSettings settings;
    private final MoveUpPlanner planner;
    private final PatrolTasker tasker;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, Officer> officers;
    private KeyValueStore<String, DemandCell> cells;
    private KeyValueStore<String, MoveUpRecommendation> moveUps;
    private KeyValueStore<String, PatrolTaskRecommendation> patrols;
    private KeyValueStore<String, TaskingEvent.HotSpotPlaced> hotSpots;
    private KeyValueStore<String, String> arms;
    private TaskingLedger ledger;
    /** How many officers, hot spots and trial arms the stores hold: counted at start, kept as they change. */
    private int officerCount;
    private int hotSpotCount;
    private int armCount;
    /** The trial day whose earlier arms have been forgotten (they are never read again). */
    private long armsKeptFrom = Long.MIN_VALUE;

    TaskingProcessor(TaskingSettings settings) {
        this.settings = settings;
        this.planner = new MoveUpPlanner(settings.moveUps());
        this.tasker = new PatrolTasker(settings.patrol());
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        officers = context.getStateStore(TaskingTopology.OFFICERS_STORE);
        cells = context.getStateStore(TaskingTopology.CELLS_STORE);
        moveUps = context.getStateStore(TaskingTopology.MOVEUPS_STORE);
        patrols = context.getStateStore(TaskingTopology.PATROLS_STORE);
        hotSpots = context.getStateStore(TaskingTopology.HOTSPOTS_STORE);
        arms = context.getStateStore(TaskingTopology.ARMS_STORE);
        ledger = new TaskingLedger(context.getStateStore(TaskingTopology.LEDGER_STORE));
        officerCount = count(officers);
        hotSpotCount = count(hotSpots);
        armCount = count(arms);
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, t -> plan(Instant.ofEpochMilli(t)));
    }

    @Override
    public void process(Record<String, TaskingEvent> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        TaskingEvent event = record.value();
        if (event instanceof TaskingEvent.OfficerChanged changed) {
            if (officers.get(changed.officer().id()) == null) {
                officerCount = admitted(officerCount, settings.limits().maxOfficers(), "officers", "tasking.max.officers");
            }
            officerChanged(changed.officer(), at);
        } else if (event instanceof TaskingEvent.OfficerGone gone) {
            if (officers.delete(gone.officerId()) != null) {
                officerCount--;
            }
            endMoveUp(gone.officerId(), "officer left the dispatch group", at);
            endPatrol(gone.officerId(), PatrolTaskStatus.PRE_EMPTED, null, at);
        } else if (event instanceof TaskingEvent.CellChanged changed) {
            cells.put(changed.cell().cellId(), changed.cell());
        } else if (event instanceof TaskingEvent.CellGone gone) {
            cells.delete(gone.cellId());
        } else if (event instanceof TaskingEvent.Decided decided) {
            decided(decided, at);
        } else if (event instanceof TaskingEvent.HotSpotPlaced placed) {
            if (hotSpots.get(placed.hotSpotId()) == null) {
                hotSpotCount = admitted(hotSpotCount, settings.limits().maxHotSpots(), "hot spots", "tasking.max.hot.spots");
            }
            hotSpots.put(placed.hotSpotId(), placed);
        } else if (event instanceof TaskingEvent.ArmAllocated arm) {
            String key = arm.epochDay() + ":" + arm.hotSpotId();
            if (arm.arm() == null || arm.epochDay() < armsKeptFrom) {
                if (arms.delete(key) != null) {
                    armCount--;
                }
            } else {
                if (arms.get(key) == null) {
                    armCount = admitted(armCount, settings.limits().maxTrialArms(), "trial arms", "tasking.max.trial.arms");
                }
                arms.put(key, arm.arm().name());
            }
        }
    }

    /** One more held, or the record refused when {@code held} is already the limit. */
    private static int admitted(int held, int limit, String what, String key) {
        if (held >= limit) {
            throw new InvalidRecordException(TaskingLimits.TASKING_FULL, "The tasking desk already holds " + limit + " " + what
                    + " (" + key + ")");
        }
        return held + 1;
    }

    private static int count(KeyValueStore<String, ?> store) {
        int held = 0;
        try (KeyValueIterator<String, ?> all = store.all()) {
            for (; all.hasNext(); all.next()) {
                held++;
            }
        }
        return held;
    }

    private void officerChanged(Officer officer, Instant at) {
        officers.put(officer.id(), officer);
        if (officer.isAvailable()) {
            return;
        }
        // Sent to an incident, on a break, off duty: a task yields at once, a pending move is no longer useful.
        boolean toIncident = officer.state() == OfficerState.EN_ROUTE || officer.state() == OfficerState.ON_SCENE;
        endPatrol(officer.id(), PatrolTaskStatus.PRE_EMPTED, toIncident ? officer.incidentId() : null, at);
        endMoveUp(officer.id(), "officer no longer available (" + officer.state() + ")", at);
    }

    private void decided(TaskingEvent.Decided decided, Instant at) {
        if (decided.kind() == TaskKind.MOVE_UP) {
            MoveUpRecommendation open = moveUps.get(decided.officerId());
            if (open != null && open.getMoveUpId().equals(decided.taskId()) && open.getStatus() == MoveUpStatus.RECOMMENDED) {
                open.setStatus(decided.accepted() ? MoveUpStatus.ACCEPTED : MoveUpStatus.DECLINED);
                open.setUpdatedAt(at);
                emit(open.getOfficerId(), open, at);
                if (decided.accepted()) {
                    moveUps.put(open.getOfficerId(), open);
                    ledger.moved(open.getOfficerId(), at);
                } else {
                    moveUps.delete(open.getOfficerId());
                }
            }
            return;
        }
        PatrolTaskRecommendation open = patrols.get(decided.officerId());
        if (open != null && open.getTaskId().equals(decided.taskId()) && open.getStatus() == PatrolTaskStatus.TASKED) {
            open.setStatus(decided.accepted() ? PatrolTaskStatus.ACCEPTED : PatrolTaskStatus.DECLINED);
            open.setUpdatedAt(at);
            emit(open.getOfficerId(), open, at);
            if (decided.accepted()) {
                patrols.put(open.getOfficerId(), open);
            } else {
                patrols.delete(open.getOfficerId());
            }
        }
    }

    private void plan(Instant now) {
        forgetArmsBefore(trialDay(now));
        Map<String, List<Officer>> byGroup = new HashMap<>();
        Set<String> engaged = new HashSet<>();
        try (KeyValueIterator<String, Officer> all = officers.all()) {
            all.forEachRemaining(entry -> {
                Officer officer = entry.value;
                MoveUpRecommendation move = moveUps.get(officer.id());
                if (move != null || patrols.get(officer.id()) != null) {
                    engaged.add(officer.id());
                }
                // An officer sent to a post is counted there.
                Officer seen = move != null && move.getStatus() == MoveUpStatus.ACCEPTED
                        ? officer.withPosition(point(move.getTarget()), now) : officer;
                byGroup.computeIfAbsent(officer.dispatchGroup(), g -> new ArrayList<>()).add(seen);
            });
        }
        List<DemandCell> demand = new ArrayList<>();
        try (KeyValueIterator<String, DemandCell> all = cells.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.demandPerHour() > 0) {
                    demand.add(entry.value);
                }
            });
        }
        finishPatrols(now);
        byGroup.forEach((group, members) -> {
            planMoveUps(group, members, planner.cellsWithinMove(members, demand), now);
            taskPatrols(members, engaged, now);
        });
    }

    private LocalDate trialDay(Instant now) {
        return now.atZone(settings.zone()).minusHours(DAY_STARTS_AT_HOUR).toLocalDate();
    }

    /** Once a trial day: the arms of earlier days go, so the store holds a schedule from today on. */
    private void forgetArmsBefore(LocalDate day) {
        if (day.toEpochDay() <= armsKeptFrom) {
            return;
        }
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, String> all = arms.all()) {
            all.forEachRemaining(entry -> {
                if (Long.parseLong(entry.key.substring(0, entry.key.indexOf(':'))) < day.toEpochDay()) {
                    old.add(entry.key);
                }
            });
        }
        old.forEach(arms::delete);
        armCount -= old.size();
        armsKeptFrom = day.toEpochDay();
    }

    private void planMoveUps(String group, List<Officer> members, List<DemandCell> groupCells, Instant now) {
        Map<String, List<Instant>> recent = new HashMap<>();
        for (Officer officer : members) {
            ledger.lastMoveOf(officer.id()).ifPresent(last -> recent.put(officer.id(), List.of(last)));
        }
        List<MoveUp> plan = planner.plan(members, groupCells, recent, now);
        Map<String, MoveUp> planned = new HashMap<>();
        plan.forEach(move -> planned.put(move.officerId(), move));
        for (Officer officer : members) {
            MoveUpRecommendation open = moveUps.get(officer.id());
            if (open == null || open.getStatus() != MoveUpStatus.RECOMMENDED) {
                continue;
            }
            MoveUp again = planned.get(officer.id());
            if (again != null && again.targetCellId().equals(open.getTargetCellId())) {
                planned.remove(officer.id());
            } else {
                endMoveUp(officer.id(), again == null
                        ? "no longer needed: no cell with demand short of cover that this move would reach"
                        : "replaced by a move to cell " + again.targetCellId(), now);
            }
        }
        for (MoveUp move : planned.values()) {
            MoveUpRecommendation record = MoveUpRecommendation.newBuilder()
                    .setMoveUpId(move.officerId() + "@" + now.toEpochMilli()).setOfficerId(move.officerId())
                    .setDispatchGroup(group).setStatus(MoveUpStatus.RECOMMENDED).setTargetCellId(move.targetCellId())
                    .setTarget(new org.bluelight.schemas.GeoPoint(move.target().lat(), move.target().lon()))
                    .setExpectedGain(move.expectedGain()).setTravelMinutes(move.travelMinutes())
                    .setReasons(List.copyOf(move.reasons())).setRecommendedAt(now).setUpdatedAt(now).build();
            moveUps.put(move.officerId(), record);
            emit(move.officerId(), record, now);
        }
    }

    private void taskPatrols(List<Officer> members, Set<String> engaged, Instant now) {
        LocalDate day = trialDay(now);
        ledger.forgetDaysBefore(day);
        List<TrialHotSpot> today = new ArrayList<>();
        Map<String, Integer> delivered = new HashMap<>();
        Map<String, Instant> lastVisit = new HashMap<>();
        try (KeyValueIterator<String, TaskingEvent.HotSpotPlaced> all = hotSpots.all()) {
            all.forEachRemaining(entry -> {
                TaskingEvent.HotSpotPlaced spot = entry.value;
                String arm = arms.get(day.toEpochDay() + ":" + spot.hotSpotId());
                if (spot.excluded() || spot.centre() == null || arm == null) {
                    return;
                }
                today.add(new TrialHotSpot(spot.hotSpotId(), spot.centre(), 1, TrialArm.valueOf(arm)));
                delivered.put(spot.hotSpotId(), ledger.visits(day, spot.hotSpotId()));
                ledger.lastVisit(day, spot.hotSpotId()).ifPresent(last -> lastVisit.put(spot.hotSpotId(), last));
            });
        }
        if (today.isEmpty()) {
            return;
        }
        long daySeed = settings.patrolSeed() * 7_919L + day.toEpochDay();
        for (PatrolTask task : tasker.task(members, today, delivered, lastVisit, engaged, daySeed, now)) {
            Officer officer = officers.get(task.officerId());
            PatrolTaskRecommendation record = PatrolTaskRecommendation.newBuilder()
                    .setTaskId(task.officerId() + "@" + now.toEpochMilli()).setOfficerId(task.officerId())
                    .setDispatchGroup(officer.dispatchGroup()).setHotSpotId(task.hotSpotId()).setTrialDay(day)
                    .setTarget(new org.bluelight.schemas.GeoPoint(task.target().lat(), task.target().lon()))
                    .setVisitMinutes((int) task.visit().toMinutes()).setStatus(PatrolTaskStatus.TASKED)
                    .setReasons(List.copyOf(task.reasons())).setTaskedAt(now).setUpdatedAt(now).build();
            patrols.put(task.officerId(), record);
            engaged.add(task.officerId());
            ledger.visitTasked(day, task.hotSpotId(), now);
            emit(task.officerId(), record, now);
        }
    }

    /** Accepted visits end after the drive and the visit; tasks still unanswered after that lapse the same way. */
    private void finishPatrols(Instant now) {
        List<String> over = new ArrayList<>();
        try (KeyValueIterator<String, PatrolTaskRecommendation> all = patrols.all()) {
            all.forEachRemaining(entry -> {
                Duration span = settings.patrol().maxTravel().plusMinutes(entry.value.getVisitMinutes());
                if (!now.isBefore(entry.value.getTaskedAt().plus(span))) {
                    over.add(entry.key);
                }
            });
        }
        over.forEach(officerId -> endPatrol(officerId, PatrolTaskStatus.DONE, null, now));
    }

    private void endMoveUp(String officerId, String why, Instant at) {
        MoveUpRecommendation open = moveUps.get(officerId);
        if (open == null) {
            return;
        }
        moveUps.delete(officerId);
        if (open.getStatus() == MoveUpStatus.RECOMMENDED) {
            List<String> reasons = new ArrayList<>(open.getReasons());
            reasons.add(0, "withdrawn: " + why);
            open.setStatus(MoveUpStatus.WITHDRAWN);
            open.setReasons(reasons);
            open.setUpdatedAt(at);
            emit(officerId, open, at);
        }
    }

    private void endPatrol(String officerId, PatrolTaskStatus status, String incidentId, Instant at) {
        PatrolTaskRecommendation open = patrols.get(officerId);
        if (open == null) {
            return;
        }
        patrols.delete(officerId);
        open.setStatus(status);
        open.setPreemptedBy(incidentId);
        open.setUpdatedAt(at);
        emit(officerId, open, at);
    }

    private void emit(String officerId, SpecificRecord value, Instant at) {
        context.forward(new Record<>(officerId, value, at.toEpochMilli()));
    }

    private static GeoPoint point(org.bluelight.schemas.GeoPoint p) {
        return new GeoPoint(p.getLat(), p.getLon());
    }
}
