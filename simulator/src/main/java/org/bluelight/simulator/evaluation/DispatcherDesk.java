package org.bluelight.simulator.evaluation;

import java.time.Duration;
import java.util.List;
import org.bluelight.dispatch.desk.DeskOutput;
import org.bluelight.dispatch.desk.DispatchBoard;
import org.bluelight.dispatch.desk.Dispatcher;
import org.bluelight.dispatch.desk.InMemoryBoard;
import org.bluelight.dispatch.recommend.Recommendation;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.engine.SimulatedDispatcher;

/**
 * The desk streams-dispatch runs, without Kafka: the dispatch core's {@link Dispatcher} on an {@link InMemoryBoard}
 * hears every incident and unit change as the app would from its topics, and a {@link SimulatedDispatcher} takes
 * the top candidate of each active recommendation at once, as the live simulator's dispatcher does after its delay.
 */
final class DispatcherDesk implements Desk, SimulatedDispatcher.Decisions {

    private final ForceSimulation simulation;
    private final DispatchBoard board = new InMemoryBoard();
    private final Dispatcher dispatcher;
    private final SimulatedDispatcher atTheDesk;

    DispatcherDesk(ForceSimulation simulation, Recommender recommender) {
        this.simulation = simulation;
        this.dispatcher = new Dispatcher(recommender, board);
        this.atTheDesk = new SimulatedDispatcher(simulation, Duration.ZERO, this);
    }

    @Override
    public void reported(SimIncident incident) {
        if (incident.generated().dispatched()) {
            publish(dispatcher.onIncident(incident.dispatch(), IncidentEventType.REPORTED, simulation.now()));
        }
    }

    @Override
    public void closed(SimIncident incident) {
        if (incident.generated().dispatched()) {
            atTheDesk.withdraw(incident.id());
            publish(dispatcher.onIncident(incident.dispatch(), IncidentEventType.CLOSED, simulation.now()));
        }
    }

    @Override
    public void changed(SimUnit unit) {
        publish(dispatcher.onOfficer(unit.asOfficer(simulation.now()), simulation.now()));
    }

    @Override
    public void moved(SimUnit unit) {
        changed(unit);
    }

    @Override
    public void uncovered(SimIncident incident) {
        // The dispatcher learns it from the diverted unit's status, as the app does.
    }

    @Override
    public int waiting() {
        return board.groupsWithBacklog().stream().mapToInt(group -> board.backlog(group).size()).sum();
    }

    @Override
    public void assigned(SimIncident incident, List<String> unitIds, String recommendationId) {
        publish(dispatcher.onAssignment(incident.generated().dispatchGroup(), incident.id(), AssignmentAction.ASSIGNED,
                unitIds, simulation.now()));
    }

    @Override
    public void stoodDown(SimIncident incident, List<String> unitIds) {
        publish(dispatcher.onAssignment(incident.generated().dispatchGroup(), incident.id(), AssignmentAction.STOOD_DOWN,
                unitIds, simulation.now()));
    }

    /** What the app would publish goes to the simulated dispatcher's screen. */
    private void publish(List<DeskOutput> outputs) {
        for (DeskOutput output : outputs) {
            if (output instanceof DeskOutput.Recommended recommended) {
                Recommendation recommendation = recommended.recommendation();
                if (recommendation.status() == RecommendationStatus.ACTIVE && !recommendation.candidates().isEmpty()) {
                    atTheDesk.offer(recommendation.incidentId(), recommendation.recommendationId(),
                            recommendation.candidates().get(0).officerIds());
                } else {
                    atTheDesk.withdraw(recommendation.incidentId());
                }
            }
        }
    }
}
