package org.bluelight.console.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bluelight.console.Records;
import org.bluelight.console.auth.PasswordHash;
import org.bluelight.console.auth.Role;
import org.bluelight.console.auth.User;
import org.bluelight.console.view.ConsoleView;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.MoveUpRecommendation;
import org.bluelight.schemas.MoveUpStatus;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.PatrolTaskStatus;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.TaskKind;
import org.junit.jupiter.api.Test;

class TaskDeskTest {

    static final class ListLog implements TaskLog {
        final List<TaskDecision> published = new ArrayList<>();

        @Override
        public void publish(TaskDecision decision) {
            published.add(decision);
        }
    }

    static final PasswordHash ANY = PasswordHash.of("password".toCharArray(), 1);
    final User alice = new User("alice", Role.DISPATCHER, ANY);
    final User ann = new User("ann", Role.ANALYST, ANY);
    final ConsoleView view = new ConsoleView(cell -> List.of());
    final ListLog log = new ListLog();
    final TaskDesk desk = new TaskDesk(view, log, Clock.fixed(Records.T0.plusSeconds(42), ZoneOffset.UTC));

    static MoveUpRecommendation moveUp(MoveUpStatus status) {
        return MoveUpRecommendation.newBuilder().setMoveUpId("U-1@1").setOfficerId("U-1").setDispatchGroup("NORTH")
                .setStatus(status).setTargetCellId("88396c").setTarget(new GeoPoint(42.5, 1.5)).setExpectedGain(0.4)
                .setTravelMinutes(6).setReasons(List.of("cell short of cover")).setRecommendedAt(Records.T0)
                .setUpdatedAt(Records.T0).build();
    }

    static PatrolTaskRecommendation patrol(PatrolTaskStatus status) {
        return PatrolTaskRecommendation.newBuilder().setTaskId("U-2@1").setOfficerId("U-2").setDispatchGroup("NORTH")
                .setHotSpotId("HS-1").setTrialDay(java.time.LocalDate.of(2026, 12, 1)).setTarget(new GeoPoint(42.5, 1.5))
                .setVisitMinutes(15).setStatus(status).setReasons(List.of("treatment hot spot")).setTaskedAt(Records.T0)
                .setUpdatedAt(Records.T0).build();
    }

    @Test
    void acceptingAMoveUpPublishesTheDecisionWithWhoDecidedAndShowsItAccepted() {
        view.moveUp("U-1", moveUp(MoveUpStatus.RECOMMENDED));

        Decision decision = desk.decide(alice, "MOVE_UP", "U-1", "U-1@1", true, null);

        assertThat(decision).isInstanceOf(Decision.Published.class);
        TaskDecision published = log.published.get(0);
        assertThat(published.getKind()).isEqualTo(TaskKind.MOVE_UP);
        assertThat(published.getTaskId()).isEqualTo("U-1@1");
        assertThat(published.getOfficerId()).isEqualTo("U-1");
        assertThat(published.getAccepted()).isTrue();
        assertThat(published.getDispatcherId()).isEqualTo("alice");
        assertThat(published.getDecidedAt()).isEqualTo(Records.T0.plusSeconds(42));
        assertThat(view.moveUpOf("U-1")).map(MoveUpRecommendation::getStatus).contains(MoveUpStatus.ACCEPTED);
        assertThat(desk.decide(alice, "MOVE_UP", "U-1", "U-1@1", true, null))
                .isEqualTo(new Decision.Refused(409, "Task U-1@1 no longer awaits a decision (answered, withdrawn or over)."));
    }

    @Test
    void decliningAPatrolTaskKeepsTheReasonAndTheTaskLeavesTheView() {
        view.patrolTask("U-2", patrol(PatrolTaskStatus.TASKED));

        Decision decision = desk.decide(alice, "PATROL", "U-2", "U-2@1", false, " crew on a statement ");

        assertThat(decision).isInstanceOf(Decision.Published.class);
        assertThat(log.published.get(0).getAccepted()).isFalse();
        assertThat(log.published.get(0).getReason()).isEqualTo("crew on a statement");
        assertThat(view.patrolTaskOf("U-2")).isEmpty();
    }

    @Test
    void anAnalystMayNotDecideAndWithdrawnOrUnknownTasksAreRefused() {
        view.patrolTask("U-2", patrol(PatrolTaskStatus.TASKED));
        view.moveUp("U-1", moveUp(MoveUpStatus.WITHDRAWN));

        assertThat(desk.decide(ann, "PATROL", "U-2", "U-2@1", true, null)).extracting(d -> ((Decision.Refused) d).status()).isEqualTo(403);
        assertThat(view.moveUpOf("U-1")).as("withdrawn: gone from the view").isEmpty();
        assertThat(desk.decide(alice, "MOVE_UP", "U-1", "U-1@1", true, null)).extracting(d -> ((Decision.Refused) d).status()).isEqualTo(409);
        assertThat(desk.decide(alice, "PATROL", "U-2", "U-2@0", true, null)).extracting(d -> ((Decision.Refused) d).status()).isEqualTo(409);
        assertThat(desk.decide(alice, "BREAK", "U-2", "U-2@1", true, null)).extracting(d -> ((Decision.Refused) d).status()).isEqualTo(400);
        assertThat(log.published).isEmpty();
    }
}
