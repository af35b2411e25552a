package org.bluelight.console.assign;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.junit.jupiter.api.Test;

class StatusDeskTest {

    static final class ListLog implements StatusLog {
        final List<OfficerStatus> published = new ArrayList<>();
        boolean brokerDown;

        @Override
        public void publish(OfficerStatus status) {
            if (brokerDown) {
                throw new IllegalStateException("broker unreachable");
            }
            published.add(status);
        }
    }

    static final PasswordHash ANY = PasswordHash.of("password".toCharArray(), 1);
    final User alice = new User("alice", Role.DISPATCHER, ANY);
    final User ann = new User("ann", Role.ANALYST, ANY);
    final ConsoleView view = new ConsoleView(cell -> List.of());
    final ListLog log = new ListLog();
    final StatusDesk desk = new StatusDesk(view, log, Clock.fixed(Records.T0.plusSeconds(42), ZoneOffset.UTC));

    OfficerStatus attending(String incidentId) {
        return OfficerStatus.newBuilder(unit("U-1", "LR21")).setState(OfficerState.EN_ROUTE).setIncidentId(incidentId)
                .setPosition(new GeoPoint(42.5, 1.5)).build();
    }

    @Test
    void settingAUnitUnavailableKeepsItsAttributesNamesWhoAndReleasesItsIncident() {
        view.unit("U-1", attending("I-1"));

        Decision decision = desk.change(alice, "U-1", "UNAVAILABLE");

        assertThat(decision).isInstanceOf(Decision.Published.class);
        OfficerStatus status = log.published.get(0);
        assertThat(status.getState()).isEqualTo(OfficerState.UNAVAILABLE);
        assertThat(status.getChangedBy()).isEqualTo("alice");
        assertThat(status.getChangedAt()).isEqualTo(Records.T0.plusSeconds(42));
        assertThat(status.getCallSign()).isEqualTo("LR21");
        assertThat(status.getDispatchGroup()).isEqualTo(attending("I-1").getDispatchGroup());
        assertThat(status.getIncidentId()).isNull();
        assertThat(status.getReleasedFromIncidentId()).isEqualTo("I-1");
        assertThat(status.getPosition()).as("fixes carry positions").isNull();
        assertThat(view.unitStatus("U-1")).contains(status);
    }

    @Test
    void atSceneKeepsTheIncidentTheUnitWasSentToAndNeedsOne() {
        view.unit("U-1", attending("I-1"));
        assertThat(desk.change(alice, "U-1", "ON_SCENE")).isInstanceOf(Decision.Published.class);
        assertThat(log.published.get(0).getIncidentId()).isEqualTo("I-1");
        assertThat(log.published.get(0).getReleasedFromIncidentId()).isNull();

        view.unit("U-1", unit("U-1", "LR21"));
        assertThat(desk.change(alice, "U-1", "ON_SCENE")).isEqualTo(
                new Decision.Refused(409, "LR21 is not attending an incident, so cannot be at scene."));
        assertThat(log.published).hasSize(1);
    }

    @Test
    void refusesWithAReasonAndPublishesNothing() {
        view.unit("U-1", unit("U-1", "LR21"));
        log.brokerDown = false;

        assertThat(desk.change(ann, "U-1", "UNAVAILABLE")).isEqualTo(
                new Decision.Refused(403, "Only dispatchers and supervisors may change a unit's status."));
        assertThat(desk.change(alice, "U-9", "UNAVAILABLE")).isEqualTo(new Decision.Refused(404, "Unknown unit U-9."));
        assertThat(desk.change(alice, "U-1", "EN_ROUTE")).isEqualTo(new Decision.Refused(400,
                "A unit can be set available, unavailable or at scene here, not 'EN_ROUTE'."));
        assertThat(desk.change(alice, "U-1", "AVAILABLE")).isEqualTo(new Decision.Refused(409, "LR21 is already available."));
        log.brokerDown = true;
        assertThat(desk.change(alice, "U-1", "UNAVAILABLE")).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.status()).isEqualTo(503));
        assertThat(view.unitStatus("U-1").orElseThrow().getState()).as("unchanged when not written").isEqualTo(OfficerState.AVAILABLE);
        assertThat(log.published).isEmpty();
    }
}
