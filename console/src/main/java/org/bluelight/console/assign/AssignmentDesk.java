package org.bluelight.console.assign;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.bluelight.console.auth.User;
import org.bluelight.console.view.ConsoleView;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.Candidate;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.Recommendation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a dispatcher's accept, override or stand-down into an {@link Assignment} on
 * cad.assignments, or refuses it with a reason: not allowed for the role, unknown or closed
 * incident, already assigned, an override or stand-down without a reason.
 *
 * <p>Decisions are made one at a time in this instance, after the view has caught up with the
 * incident's partition of cad.assignments, so two dispatchers on one console never both assign
 * an incident, and a second console's committed assignment is seen before deciding.
 */
public final class AssignmentDesk {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentDesk.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ConsoleView view;
    private final AssignmentLog log;
    private final Clock clock;

    public AssignmentDesk(ConsoleView view, AssignmentLog log, Clock clock) {
        this.view = view;
        this.log = log;
        this.clock = clock;
    }

    public synchronized Decision assign(User user, AssignRequest request) {
        if (!user.role().mayAssign()) {
            return new Decision.Refused(403, "Only dispatchers and supervisors may assign units.");
        }
        if (request.incidentId() == null || request.incidentId().isBlank() || request.officerIds().isEmpty()) {
            return new Decision.Refused(400, "Choose an incident and at least one unit.");
        }
        Optional<Decision.Refused> stale = catchUp(request.incidentId());
        if (stale.isPresent()) {
            return stale.get();
        }
        Optional<IncidentEvent> incident = view.openIncident(request.incidentId());
        if (incident.isEmpty()) {
            return new Decision.Refused(404, "Incident " + request.incidentId() + " is not open.");
        }
        Optional<Assignment> current = view.assignmentOf(request.incidentId());
        if (current.isPresent()) {
            return new Decision.Refused(409, alreadyAssigned(current.get()));
        }
        for (String officerId : request.officerIds()) {
            if (view.unitStatus(officerId).isEmpty()) {
                return new Decision.Refused(400, "Unknown unit " + officerId + ".");
            }
        }
        Optional<Recommendation> recommendation = view.recommendationFor(request.incidentId());
        Optional<Candidate> chosen = recommendation.flatMap(r -> r.getCandidates().stream()
                .filter(c -> c.getOfficerIds().equals(request.officerIds())).findFirst());
        boolean followed = chosen.map(c -> c.getRank() == 1).orElse(false);
        String reason = blankToNull(request.overrideReason());
        if (!followed && reason == null) {
            return new Decision.Refused(400, "Sending a unit other than the recommended one needs an override reason.");
        }
        Assignment assignment = Assignment.newBuilder()
                .setIncidentId(request.incidentId())
                .setAction(AssignmentAction.ASSIGNED)
                .setOfficerIds(List.copyOf(request.officerIds()))
                .setDecidedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setRecommendationId(recommendation.map(Recommendation::getRecommendationId).orElse(null))
                .setFollowedRecommendation(recommendation.isPresent() ? followed : null)
                .setChosenRank(chosen.map(Candidate::getRank).orElse(null))
                .setDispatcherId(user.name())
                .setOverrideReason(followed ? null : reason)
                .build();
        return publish(assignment);
    }

    public synchronized Decision standDown(User user, String incidentId, String reason) {
        if (!user.role().mayAssign()) {
            return new Decision.Refused(403, "Only dispatchers and supervisors may stand units down.");
        }
        if (blankToNull(reason) == null) {
            return new Decision.Refused(400, "Standing units down needs a reason.");
        }
        Optional<Decision.Refused> stale = catchUp(incidentId);
        if (stale.isPresent()) {
            return stale.get();
        }
        Optional<Assignment> current = view.assignmentOf(incidentId);
        if (current.isEmpty()) {
            return new Decision.Refused(409, "Incident " + incidentId + " has no unit assigned to stand down.");
        }
        Assignment assignment = Assignment.newBuilder()
                .setIncidentId(incidentId)
                .setAction(AssignmentAction.STOOD_DOWN)
                .setOfficerIds(current.get().getOfficerIds())
                .setDecidedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setRecommendationId(current.get().getRecommendationId())
                .setFollowedRecommendation(false)
                .setDispatcherId(user.name())
                .setOverrideReason(reason.trim())
                .build();
        return publish(assignment);
    }

    private Optional<Decision.Refused> catchUp(String incidentId) {
        try {
            log.catchUp(incidentId);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of(new Decision.Refused(503,
                    "The console cannot confirm the latest assignments just now; try again in a moment."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Decision.Refused(503, "The console is stopping."));
        }
    }

    private Decision publish(Assignment assignment) {
        try {
            log.publish(assignment);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Decision.Refused(503, "The console is stopping; the assignment was not confirmed.");
        } catch (Exception e) {
            LOG.warn("Could not publish the assignment of {}", assignment.getIncidentId(), e);
            return new Decision.Refused(503, "The assignment could not be written to Kafka (" + e.getMessage()
                    + "); nothing was sent. Try again.");
        }
        // Shown at once here; the feed brings the same record back from the topic.
        view.assignment(assignment.getIncidentId(), assignment);
        LOG.info("{} {} {} to {} ({})", assignment.getDispatcherId(), assignment.getAction(),
                assignment.getOfficerIds(), assignment.getIncidentId(),
                Boolean.TRUE.equals(assignment.getFollowedRecommendation()) ? "recommended" : "override: " + assignment.getOverrideReason());
        return new Decision.Published(assignment);
    }

    private String alreadyAssigned(Assignment current) {
        String units = String.join(", ", current.getOfficerIds().stream()
                .map(id -> view.unitStatus(id).map(s -> s.getCallSign()).orElse(id)).toList());
        return "Incident " + current.getIncidentId() + " is already assigned: " + units + " by "
                + Optional.ofNullable(current.getDispatcherId()).orElse("CAD") + " at "
                + CLOCK_TIME.format(current.getDecidedAt()) + " UTC. Stand the unit down first to send another.";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
