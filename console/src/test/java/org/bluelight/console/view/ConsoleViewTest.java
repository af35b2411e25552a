package org.bluelight.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.console.Records.T0;
import static org.bluelight.console.Records.incident;
import static org.bluelight.console.Records.recommendation;
import static org.bluelight.console.Records.unit;

import java.util.List;
import java.util.Map;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.PositionFix;
import org.junit.jupiter.api.Test;

class ConsoleViewTest {

    final ConsoleView view = new ConsoleView(cell -> List.of(new double[] {42.5, 1.5}));

    static Assignment assigned(String incidentId, String officerId, String by) {
        return Assignment.newBuilder().setIncidentId(incidentId).setAction(AssignmentAction.ASSIGNED)
                .setOfficerIds(List.of(officerId)).setDecidedAt(T0).setDispatcherId(by).build();
    }

    @Test
    void aClosedIncidentLeavesTheViewWithItsRecommendationAndAssignmentAndLateRecordsStayOut() {
        view.incident("I-1", incident("I-1", 1, IncidentEventType.REPORTED));
        view.recommendation("I-1", recommendation("I-1", 1, "U-1"));
        view.assignment("I-1", assigned("I-1", "U-1", "alice"));
        view.incident("I-1", incident("I-1", 1, IncidentEventType.CLOSED));
        view.recommendation("I-1", recommendation("I-1", 2, "U-1"));

        assertThat(view.openIncident("I-1")).isEmpty();
        assertThat(view.recommendationFor("I-1")).isEmpty();
        assertThat(view.assignmentOf("I-1")).isEmpty();
    }

    @Test
    void theNewestRevisionOfARecommendationStays() {
        view.incident("I-1", incident("I-1", 1, IncidentEventType.REPORTED));
        view.recommendation("I-1", recommendation("I-1", 2, "U-2"));
        view.recommendation("I-1", recommendation("I-1", 1, "U-1"));
        assertThat(view.recommendationFor("I-1")).map(r -> r.getRevision()).contains(2);
    }

    @Test
    void theFirstAssignmentWinsASecondIsAConflictTheSameRecordTwiceIsNotAndStandingDownClearsIt() {
        view.incident("I-1", incident("I-1", 1, IncidentEventType.REPORTED));
        Assignment first = assigned("I-1", "U-1", "alice");
        view.assignment("I-1", first);
        view.assignment("I-1", Assignment.newBuilder(first).build());
        assertThat(view.duplicateAssignments()).as("the console's own record read back").isZero();

        view.assignment("I-1", assigned("I-1", "U-2", "bob"));
        assertThat(view.assignmentOf("I-1")).contains(first);
        assertThat(view.duplicateAssignments()).isEqualTo(1);
        assertThat(view.snapshot().get(ConsoleView.CONFLICTS)).containsKey("I-1");

        view.assignment("I-1", Assignment.newBuilder(first).setAction(AssignmentAction.STOOD_DOWN).build());
        assertThat(view.assignmentOf("I-1")).isEmpty();
        assertThat(view.snapshot().get(ConsoleView.CONFLICTS)).isEmpty();
    }

    @Test
    void aUnitKeepsItsLatestPositionWhenAnOlderFixArrivesLate() {
        PositionFix newer = new PositionFix("U-1", T0.plusSeconds(10), new GeoPoint(42.52, 1.53), null, null, null);
        PositionFix older = new PositionFix("U-1", T0, new GeoPoint(42.50, 1.50), null, null, null);
        view.position("U-1", newer);
        view.position("U-1", older);
        assertThat(view.snapshot().get(ConsoleView.POSITIONS)).containsEntry("U-1", newer);
    }

    @Test
    void changesAreHandedOutOnceWithNullForWhatWentAway() {
        view.unit("U-1", unit("U-1", "LR21"));
        view.incident("I-1", incident("I-1", 2, IncidentEventType.REPORTED));
        Map<String, Map<String, Object>> first = view.drainChanges();
        assertThat(first.get(ConsoleView.UNITS)).containsKey("U-1");
        assertThat(first.get(ConsoleView.INCIDENTS)).containsKey("I-1");

        view.incident("I-1", incident("I-1", 2, IncidentEventType.CANCELLED));
        Map<String, Map<String, Object>> second = view.drainChanges();
        assertThat(second).containsOnlyKeys(ConsoleView.INCIDENTS);
        assertThat(second.get(ConsoleView.INCIDENTS)).containsEntry("I-1", null);
        assertThat(view.drainChanges()).isEmpty();
    }

    @Test
    void aCellsHexagonIsSentOnceAndARepublishedCellThatOnlyChangedItsTimeIsNotPassedOn() {
        org.bluelight.schemas.CoverageCell cell = org.bluelight.schemas.CoverageCell.newBuilder().setCellId("881ea6e1a1fffff")
                .setResolution(8).setCenter(new GeoPoint(42.5, 1.5)).setOfficersInReach(0).setAvailableInReach(0)
                .setDemandPerHour(0.4).setRequiredLevel(1).setDeficit(1).setUpdatedAt(T0).build();
        view.cell("881ea6e1a1fffff", cell);
        Map<String, Map<String, Object>> first = view.drainChanges();
        assertThat(first.get(ConsoleView.CELLS)).containsEntry("881ea6e1a1fffff", cell);
        assertThat(first.get(ConsoleView.OUTLINES)).containsKey("881ea6e1a1fffff");

        view.cell("881ea6e1a1fffff", org.bluelight.schemas.CoverageCell.newBuilder(cell).setUpdatedAt(T0.plusSeconds(5)).build());
        assertThat(view.drainChanges()).as("only the time changed").isEmpty();

        org.bluelight.schemas.CoverageCell covered = org.bluelight.schemas.CoverageCell.newBuilder(cell)
                .setOfficersInReach(1).setDeficit(0).setUpdatedAt(T0.plusSeconds(9)).build();
        view.cell("881ea6e1a1fffff", covered);
        assertThat(view.drainChanges()).containsOnlyKeys(ConsoleView.CELLS);

        view.cell("881ea6e1a1fffff", null);
        assertThat(view.snapshot().get(ConsoleView.CELLS)).isEmpty();
    }
}
