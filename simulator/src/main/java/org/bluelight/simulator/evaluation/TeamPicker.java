package org.bluelight.simulator.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.incident.Incident;

/**
 * How a dispatcher without a tool makes up a team from units in an order of preference: a double crew first when
 * one is required (an arrest), then the next units in order until enough officers are sent.
 */
final class TeamPicker {

    private TeamPicker() {
    }

    static List<String> pick(Incident incident, List<Officer> inOrder) {
        List<Officer> team = new ArrayList<>();
        if (incident.doubleCrewRequired()) {
            inOrder.stream().filter(Officer::isDoubleCrewed).findFirst().ifPresent(team::add);
            if (team.isEmpty()) {
                return List.of();
            }
        }
        for (Officer officer : inOrder) {
            if (officers(team) >= incident.officersNeeded()) {
                break;
            }
            if (!team.contains(officer)) {
                team.add(officer);
            }
        }
        return officers(team) >= incident.officersNeeded() ? team.stream().map(Officer::id).toList() : List.of();
    }

    private static int officers(List<Officer> team) {
        return team.stream().mapToInt(Officer::crewSize).sum();
    }
}
