package org.bluelight.simulator.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.MoveUpRecommendation;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.TaskKind;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimUnit;

/**
 * The simulated control room's side of move-ups and patrol tasks. Dispatch recommends them on
 * {@code dispatch.moveups} and {@code dispatch.patrol-tasks}; after the dispatcher's delay the simulated dispatcher
 * accepts a task when its officer can go now (free, not booked for an incident, a road joins it to the target) and
 * declines it, saying why, otherwise, on {@code cad.task-decisions}. An accepted task is played as the evaluator plays
 * it ({@link ForceSimulation#sendToPost}): a move-up drives to its post and waits there, a patrol visit drives, stays
 * its minutes and patrols the home area again; either yields at once to an incident. In manual mode the person at the
 * console decides: the simulator answers nothing and follows the accepted decisions that arrive on
 * {@code cad.task-decisions}. A task withdrawn, pre-empted or over stops being followed.
 */
final class TaskFollower {

    private static final List<String> TOPICS = List.of(Topic.MOVEUPS.topicName(), Topic.PATROL_TASKS.topicName());
    private static final List<String> MANUAL_TOPICS = List.of(Topic.MOVEUPS.topicName(), Topic.PATROL_TASKS.topicName(),
            Topic.TASK_DECISIONS.topicName());

    /** A task still open (awaiting a decision or accepted); {@code stay} is null for a move-up (it waits at its post). */
    private record Task(String taskId, TaskKind kind, String officerId, GeoPoint target, Duration stay) {
    }

    private final ForceSimulation force;
    private final Duration delay;
    private final boolean manual;
    private final LivePublisher publisher;
    private final Deserializer<MoveUpRecommendation> moveUps;
    private final Deserializer<PatrolTaskRecommendation> patrols;
    private final Deserializer<TaskDecision> decisions;
    private final Map<String, Task> open = new HashMap<>();
    /** Officer id → the task its unit is playing. */
    private final Map<String, Task> following = new HashMap<>();
    private int accepted;
    private int declined;
    private int refused;

    TaskFollower(ForceSimulation force, Duration delay, boolean manual, LivePublisher publisher, RegistryClient registry) {
        this.force = force;
        this.delay = delay;
        this.manual = manual;
        this.publisher = publisher;
        this.moveUps = AvroSerdes.value(MoveUpRecommendation.class, registry).deserializer();
        this.patrols = AvroSerdes.value(PatrolTaskRecommendation.class, registry).deserializer();
        this.decisions = AvroSerdes.value(TaskDecision.class, registry).deserializer();
    }

    /** The topics it reads. */
    static List<String> topics(boolean manual) {
        return manual ? MANUAL_TOPICS : TOPICS;
    }

    static boolean reads(String topic) {
        return MANUAL_TOPICS.contains(topic);
    }

    /** A task dispatch published, or in manual mode a decision from the console. */
    void read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(Topic.MOVEUPS.topicName())) {
            MoveUpRecommendation move = moveUps.deserialize(record.topic(), record.headers(), record.value());
            Task task = new Task(move.getMoveUpId(), TaskKind.MOVE_UP, move.getOfficerId(), point(move.getTarget()), null);
            switch (move.getStatus()) {
                case RECOMMENDED -> recommended(task);
                case ACCEPTED -> open.putIfAbsent(task.taskId(), task);
                case DECLINED, WITHDRAWN -> ended(task);
            }
        } else if (record.topic().equals(Topic.PATROL_TASKS.topicName())) {
            PatrolTaskRecommendation patrol = patrols.deserialize(record.topic(), record.headers(), record.value());
            Task task = new Task(patrol.getTaskId(), TaskKind.PATROL, patrol.getOfficerId(), point(patrol.getTarget()),
                    Duration.ofMinutes(patrol.getVisitMinutes()));
            switch (patrol.getStatus()) {
                case TASKED -> recommended(task);
                case ACCEPTED -> open.putIfAbsent(task.taskId(), task);
                case DECLINED, PRE_EMPTED, DONE -> ended(task);
            }
        } else if (manual && record.topic().equals(Topic.TASK_DECISIONS.topicName())) {
            TaskDecision decision = decisions.deserialize(record.topic(), record.headers(), record.value());
            if (decision.getAccepted()) {
                Task task = open.get(decision.getTaskId());
                if (task != null && force.sendToPost(task.officerId(), task.target(), task.stay())) {
                    following.put(task.officerId(), task);
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
    }

    private void recommended(Task task) {
        open.put(task.taskId(), task);
        if (!manual) {
            force.later(force.now().plus(delay), () -> decide(task));
        }
    }

    /** The simulated dispatcher's rule: accept when the officer can go now, else decline with the reason. */
    private void decide(Task task) {
        if (!open.containsKey(task.taskId())) {
            return; // withdrawn or pre-empted meanwhile
        }
        SimUnit unit = force.unit(task.officerId());
        String whyNot;
        if (unit == null) {
            whyNot = "not a unit of this force";
        } else if (unit.asOfficer(force.now()).state() != OfficerState.AVAILABLE) {
            whyNot = "officer no longer free (" + unit.asOfficer(force.now()).state() + ")";
        } else if (!force.sendToPost(task.officerId(), task.target(), task.stay())) {
            whyNot = "no road to the target";
        } else {
            whyNot = null;
        }
        if (whyNot == null) {
            following.put(task.officerId(), task);
            accepted++;
        } else {
            open.remove(task.taskId());
            declined++;
        }
        publisher.decided(TaskDecision.newBuilder().setTaskId(task.taskId()).setKind(task.kind())
                .setOfficerId(task.officerId()).setAccepted(whyNot == null).setDecidedAt(force.now())
                .setDispatcherId(Records.DISPATCHER).setReason(whyNot).build());
    }

    /** Declined, withdrawn, pre-empted or over: a unit still on its way to (or at) that post patrols again. */
    private void ended(Task task) {
        open.remove(task.taskId());
        Task followed = following.get(task.officerId());
        if (followed != null && followed.taskId().equals(task.taskId())) {
            following.remove(task.officerId());
            SimUnit unit = force.unit(task.officerId());
            if (unit != null && task.target().equals(unit.post())) {
                force.recallFromPost(task.officerId());
            }
        }
    }

    private static GeoPoint point(org.bluelight.schemas.GeoPoint p) {
        return new GeoPoint(p.getLat(), p.getLon());
    }

    /** Tasks the simulated dispatcher accepted, or in manual mode console decisions the force followed. */
    int accepted() {
        return accepted;
    }

    int declined() {
        return declined;
    }

    /** Console acceptances of tasks that were over, unknown, or whose unit could not go (manual mode). */
    int refused() {
        return refused;
    }
}
