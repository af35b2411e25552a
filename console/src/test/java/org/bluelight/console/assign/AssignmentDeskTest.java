package org.bluelight.console.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.console.Records.incident;
import static org.bluelight.console.Records.recommendation;
import static org.bluelight.console.Records.unit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bluelight.console.Records;
import org.bluelight.console.auth.PasswordHash;
import org.bluelight.console.auth.Role;
import org.bluelight.console.auth.User;
import org.bluelight.console.view.ConsoleView;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.IncidentEventType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignmentDeskTest {

    /** The topic as a list; it can be made to fail like a broker that is down. */
    static final class ListLog implements AssignmentLog {
        final List<Assignment> published = new ArrayList<>();
        final List<String> caughtUp = new ArrayList<>();
        boolean brokerDown;

        @Override
        public void catchUp(String incidentId) {
            caughtUp.add(incidentId);
        }

        @Override
        public void publish(Assignment assignment) {
            if (brokerDown) {
                throw new IllegalStateException("broker unreachable");
            }
            published.add(assignment);
        }
    }

    static final PasswordHash ANY = PasswordHash.of("password".toCharArray(), 1);
    final User alice = new User("alice", Role.DISPATCHER, ANY);
    final User sam = new User("sam", Role.SUPERVISOR, ANY);
    final User ann = new User("ann", Role.ANALYST, ANY);
    final ConsoleView view = new ConsoleView(cell -> List.of());
    final ListLog log = new ListLog();
    final AssignmentDesk desk = new AssignmentDesk(view, log, Clock.fixed(Records.T0.plusSeconds(42), ZoneOffset.UTC));

    @BeforeEach
    void anIncidentWithARecommendation() {
        view.unit("U-1", unit("U-1", "LR21"));
        view.unit("U-2", unit("U-2", "LR22"));
        view.incident("I-1", incident("I-1", 1, IncidentEventType.REPORTED));
        view.recommendation("I-1", recommendation("I-1", 1, "U-1", "U-2"));
    }

    @Test
    void acceptingTheTopCandidatePublishesAnAssignmentThatFollowedTheRecommendationAndNamesTheDispatcher() {
        Decision decision = desk.assign(alice, new AssignRequest("I-1", List.of("U-1"), "I-1-r1", null));

        assertThat(decision).isInstanceOf(Decision.Published.class);
        assertThat(log.caughtUp).containsExactly("I-1");
        Assignment assignment = log.published.get(0);
        assertThat(assignment.getIncidentId()).isEqualTo("I-1");
        assertThat(assignment.getAction()).isEqualTo(AssignmentAction.ASSIGNED);
        assertThat(assignment.getOfficerIds()).containsExactly("U-1");
        assertThat(assignment.getFollowedRecommendation()).isTrue();
        assertThat(assignment.getChosenRank()).isEqualTo(1);
        assertThat(assignment.getRecommendationId()).isEqualTo("I-1-r1");
        assertThat(assignment.getDispatcherId()).isEqualTo("alice");
        assertThat(assignment.getOverrideReason()).isNull();
        assertThat(assignment.getDecidedAt()).isEqualTo(Records.T0.plusSeconds(42));
        assertThat(view.assignmentOf("I-1")).contains(assignment);
    }

    @Test
    void aSecondAcceptOfAnAssignedIncidentIsRefusedWithWhoHasItAndNothingIsPublished() {
        desk.assign(alice, new AssignRequest("I-1", List.of("U-1"), "I-1-r1", null));
        Decision second = desk.assign(sam, new AssignRequest("I-1", List.of("U-1"), "I-1-r1", null));

        assertThat(second).isEqualTo(new Decision.Refused(409,
                "Incident I-1 is already assigned: LR21 by alice at 08:00:42 UTC. Stand the unit down first to send another."));
        assertThat(log.published).hasSize(1);
    }

    @Test
    void choosingAnotherUnitNeedsAReasonAndIsPublishedAsOverridden() {
        Decision withoutReason = desk.assign(alice, new AssignRequest("I-1", List.of("U-2"), "I-1-r1", "  "));
        assertThat(withoutReason).isEqualTo(new Decision.Refused(400,
                "Sending a unit other than the recommended one needs an override reason."));
        assertThat(log.published).isEmpty();

        desk.assign(alice, new AssignRequest("I-1", List.of("U-2"), "I-1-r1", "LR21 is needed for a warrant"));
        Assignment assignment = log.published.get(0);
        assertThat(assignment.getFollowedRecommendation()).isFalse();
        assertThat(assignment.getChosenRank()).isEqualTo(2);
        assertThat(assignment.getOverrideReason()).isEqualTo("LR21 is needed for a warrant");
    }

    @Test
    void analystsMayNotAssignOrStandDown() {
        assertThat(desk.assign(ann, new AssignRequest("I-1", List.of("U-1"), "I-1-r1", null)))
                .isEqualTo(new Decision.Refused(403, "Only dispatchers and supervisors may assign units."));
        assertThat(desk.standDown(ann, "I-1", "reason")).isInstanceOf(Decision.Refused.class);
        assertThat(log.published).isEmpty();
    }

    @Test
    void unknownIncidentsAndUnitsAreRefused() {
        assertThat(desk.assign(alice, new AssignRequest("I-9", List.of("U-1"), null, "x")))
                .isEqualTo(new Decision.Refused(404, "Incident I-9 is not open."));
        assertThat(desk.assign(alice, new AssignRequest("I-1", List.of("U-7"), null, "x")))
                .isEqualTo(new Decision.Refused(400, "Unknown unit U-7."));
        assertThat(log.published).isEmpty();
    }

    @Test
    void standingDownNeedsAReasonFreesTheIncidentAndRecordsWhoDidIt() {
        desk.assign(alice, new AssignRequest("I-1", List.of("U-1"), "I-1-r1", null));
        assertThat(desk.standDown(sam, "I-1", "")).isEqualTo(new Decision.Refused(400, "Standing units down needs a reason."));

        assertThat(desk.standDown(sam, "I-1", "crew injured")).isInstanceOf(Decision.Published.class);
        Assignment stoodDown = log.published.get(1);
        assertThat(stoodDown.getAction()).isEqualTo(AssignmentAction.STOOD_DOWN);
        assertThat(stoodDown.getOfficerIds()).containsExactly("U-1");
        assertThat(stoodDown.getDispatcherId()).isEqualTo("sam");
        assertThat(stoodDown.getOverrideReason()).isEqualTo("crew injured");
        assertThat(view.assignmentOf("I-1")).isEmpty();
        assertThat(desk.assign(alice, new AssignRequest("I-1", List.of("U-1"), "I-1-r1", null)))
                .isInstanceOf(Decision.Published.class);
    }

    @Test
    void whenKafkaCannotTakeTheAssignmentTheDispatcherIsToldAndTheIncidentStaysPending() {
        log.brokerDown = true;
        Decision decision = desk.assign(alice, new AssignRequest("I-1", List.of("U-1"), "I-1-r1", null));
        assertThat(decision).isInstanceOf(Decision.Refused.class);
        assertThat(((Decision.Refused) decision).status()).isEqualTo(503);
        assertThat(((Decision.Refused) decision).message()).contains("nothing was sent");
        assertThat(view.assignmentOf("I-1")).isEmpty();
    }
}
