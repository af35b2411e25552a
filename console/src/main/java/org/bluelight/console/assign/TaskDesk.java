package org.bluelight.console.assign;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.bluelight.console.auth.User;
import org.bluelight.console.view.ConsoleView;
import org.bluelight.schemas.MoveUpRecommendation;
import org.bluelight.schemas.MoveUpStatus;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.PatrolTaskStatus;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.TaskKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a dispatcher's Accept or Decline on a move-up or patrol task into a {@link TaskDecision} on
 * cad.task-decisions, naming the user who decided, or refuses it with a reason: only a task still
 * awaiting its answer can be decided, and only by dispatchers and supervisors. Dispatch applies the
 * first decision on a task and echoes the new state on its topic.
 */
public final class TaskDesk {

    private static final Logger LOG = LoggerFactory.getLogger(TaskDesk.class);

    private final ConsoleView view;
    private final TaskLog log;
    private final Clock clock;

    public TaskDesk(ConsoleView view, TaskLog log, Clock clock) {
        this.view = view;
        this.log = log;
        this.clock = clock;
    }

    public synchronized Decision decide(User user, String kindName, String officerId, String taskId, boolean accepted,
                                        String reason) {
        if (!user.role().mayAssign()) {
            return new Decision.Refused(403, "Only dispatchers and supervisors may accept or decline a task.");
        }
        TaskKind kind = kind(kindName).orElse(null);
        if (kind == null) {
            return new Decision.Refused(400, "A task is a MOVE_UP or a PATROL, not '" + kindName + "'.");
        }
        if (officerId == null || taskId == null) {
            return new Decision.Refused(400, "Name the task and its officer.");
        }
        String awaiting = kind == TaskKind.MOVE_UP ? awaitingMoveUp(officerId) : awaitingPatrol(officerId);
        if (!taskId.equals(awaiting)) {
            return new Decision.Refused(409, "Task " + taskId + " no longer awaits a decision (answered, withdrawn or over).");
        }
        TaskDecision decision = TaskDecision.newBuilder()
                .setTaskId(taskId).setKind(kind).setOfficerId(officerId).setAccepted(accepted)
                .setDecidedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setDispatcherId(user.name())
                .setReason(accepted || reason == null || reason.isBlank() ? null : reason.trim())
                .build();
        try {
            log.publish(decision);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Decision.Refused(503, "The console is stopping; the decision was not confirmed.");
        } catch (Exception e) {
            LOG.warn("Could not publish the decision on {}", taskId, e);
            return new Decision.Refused(503, "The decision could not be written to Kafka (" + e.getMessage()
                    + "); nothing was changed. Try again.");
        }
        shown(kind, officerId, accepted);
        LOG.info("{} {} {} of {}", user.name(), accepted ? "accepted" : "declined", taskId, officerId);
        return new Decision.Published(decision);
    }

    private String awaitingMoveUp(String officerId) {
        return view.moveUpOf(officerId).filter(m -> m.getStatus() == MoveUpStatus.RECOMMENDED)
                .map(MoveUpRecommendation::getMoveUpId).orElse(null);
    }

    private String awaitingPatrol(String officerId) {
        return view.patrolTaskOf(officerId).filter(t -> t.getStatus() == PatrolTaskStatus.TASKED)
                .map(PatrolTaskRecommendation::getTaskId).orElse(null);
    }

    /** Shown at once here; dispatch's echo on the task topic brings the same state. */
    private void shown(TaskKind kind, String officerId, boolean accepted) {
        if (kind == TaskKind.MOVE_UP) {
            view.moveUpOf(officerId).ifPresent(m -> view.moveUp(officerId, MoveUpRecommendation.newBuilder(m)
                    .setStatus(accepted ? MoveUpStatus.ACCEPTED : MoveUpStatus.DECLINED).build()));
        } else {
            view.patrolTaskOf(officerId).ifPresent(t -> view.patrolTask(officerId, PatrolTaskRecommendation.newBuilder(t)
                    .setStatus(accepted ? PatrolTaskStatus.ACCEPTED : PatrolTaskStatus.DECLINED).build()));
        }
    }

    private static Optional<TaskKind> kind(String name) {
        for (TaskKind kind : TaskKind.values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
