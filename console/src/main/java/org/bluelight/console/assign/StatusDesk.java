package org.bluelight.console.assign;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.bluelight.console.auth.User;
import org.bluelight.console.view.ConsoleView;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a dispatcher's one-click status change on the unit board into an {@link OfficerStatus} on
 * officer.status, carrying the unit's attributes as they stand and who made the change, or
 * refuses it with a reason.
 *
 * <p>Available and unavailable end what the unit was attending: the change names that incident
 * as released from, so dispatch does not have to infer the release. At scene keeps the incident
 * the unit was sent to, and needs one.
 */
public final class StatusDesk {

    /** What a dispatcher may set by hand; the others come from the unit and CAD. */
    public static final Set<OfficerState> SETTABLE = Set.of(OfficerState.AVAILABLE, OfficerState.UNAVAILABLE, OfficerState.ON_SCENE);

    private static final Logger LOG = LoggerFactory.getLogger(StatusDesk.class);

    private final ConsoleView view;
    private final StatusLog log;
    private final Clock clock;

    public StatusDesk(ConsoleView view, StatusLog log, Clock clock) {
        this.view = view;
        this.log = log;
        this.clock = clock;
    }

    public synchronized Decision change(User user, String officerId, String stateName) {
        if (!user.role().mayAssign()) {
            return new Decision.Refused(403, "Only dispatchers and supervisors may change a unit's status.");
        }
        OfficerState state = settable(stateName).orElse(null);
        if (state == null) {
            return new Decision.Refused(400, "A unit can be set available, unavailable or at scene here, not '" + stateName + "'.");
        }
        Optional<OfficerStatus> unit = officerId == null ? Optional.empty() : view.unitStatus(officerId);
        if (unit.isEmpty()) {
            return new Decision.Refused(404, "Unknown unit " + officerId + ".");
        }
        OfficerStatus current = unit.get();
        if (current.getState() == state) {
            return new Decision.Refused(409, current.getCallSign() + " is already " + label(state) + ".");
        }
        boolean atScene = state == OfficerState.ON_SCENE;
        if (atScene && current.getIncidentId() == null) {
            return new Decision.Refused(409, current.getCallSign() + " is not attending an incident, so cannot be at scene.");
        }
        OfficerStatus changed = OfficerStatus.newBuilder(current)
                .setState(state)
                .setChangedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setChangedBy(user.name())
                .setPredictedFreeAt(null)
                // Fixes are the source of positions; the one on the last status may be old.
                .setPosition(null)
                .setIncidentId(atScene ? current.getIncidentId() : null)
                .setReleasedFromIncidentId(atScene ? null : current.getIncidentId())
                .build();
        try {
            log.publish(changed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Decision.Refused(503, "The console is stopping; the status change was not confirmed.");
        } catch (Exception e) {
            LOG.warn("Could not publish the status of {}", officerId, e);
            return new Decision.Refused(503, "The status change could not be written to Kafka (" + e.getMessage()
                    + "); nothing was changed. Try again.");
        }
        // Shown at once here; the feed brings the same record back from the topic.
        view.unit(officerId, changed);
        LOG.info("{} set {} ({}) {}", user.name(), current.getCallSign(), officerId, state);
        return new Decision.Published(changed);
    }

    private static Optional<OfficerState> settable(String name) {
        return SETTABLE.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static String label(OfficerState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
