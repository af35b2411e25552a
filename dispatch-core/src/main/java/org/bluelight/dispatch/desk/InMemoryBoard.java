package org.bluelight.dispatch.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.backlog.BacklogOrder;
import org.bluelight.dispatch.backlog.WaitingIncident;

/** A {@link DispatchBoard} in memory, for the simulator and for tests. Not thread-safe. */
public final class InMemoryBoard implements DispatchBoard {

    private final Map<String, Map<String, Officer>> officers = new TreeMap<>();
    private final Map<String, Map<String, IncidentCase>> cases = new TreeMap<>();
    private final Map<String, TreeMap<String, WaitingIncident>> backlogs = new TreeMap<>();

    @Override
    public Optional<Officer> officer(String group, String officerId) {
        return Optional.ofNullable(officers.getOrDefault(group, Map.of()).get(officerId));
    }

    @Override
    public void putOfficer(Officer officer) {
        officers.computeIfAbsent(officer.dispatchGroup(), g -> new TreeMap<>()).put(officer.id(), officer);
    }

    @Override
    public void removeOfficer(String group, String officerId) {
        officers.getOrDefault(group, new TreeMap<>()).remove(officerId);
    }

    @Override
    public List<Officer> officers(String group) {
        return List.copyOf(officers.getOrDefault(group, Map.of()).values());
    }

    @Override
    public Optional<IncidentCase> incidentCase(String group, String incidentId) {
        return Optional.ofNullable(cases.getOrDefault(group, Map.of()).get(incidentId));
    }

    @Override
    public void putCase(IncidentCase incidentCase) {
        Map<String, IncidentCase> groupCases = cases.computeIfAbsent(incidentCase.dispatchGroup(), g -> new TreeMap<>());
        IncidentCase previous = groupCases.put(incidentCase.incidentId(), incidentCase);
        unqueue(previous);
        if (incidentCase.waiting() != null) {
            backlogs.computeIfAbsent(incidentCase.dispatchGroup(), g -> new TreeMap<>())
                    .put(BacklogOrder.sortKey(incidentCase.waiting()), incidentCase.waiting());
        }
    }

    @Override
    public void removeCase(IncidentCase incidentCase) {
        unqueue(cases.getOrDefault(incidentCase.dispatchGroup(), new TreeMap<>()).remove(incidentCase.incidentId()));
    }

    private void unqueue(IncidentCase previous) {
        if (previous != null && previous.waiting() != null) {
            backlogs.getOrDefault(previous.dispatchGroup(), new TreeMap<>()).remove(BacklogOrder.sortKey(previous.waiting()));
        }
    }

    @Override
    public List<IncidentCase> cases(String group) {
        return List.copyOf(cases.getOrDefault(group, Map.of()).values());
    }

    @Override
    public List<WaitingIncident> backlog(String group) {
        return List.copyOf(backlogs.getOrDefault(group, new TreeMap<>()).values());
    }

    @Override
    public List<String> groupsWithBacklog() {
        List<String> groups = new ArrayList<>();
        backlogs.forEach((group, queue) -> {
            if (!queue.isEmpty()) {
                groups.add(group);
            }
        });
        return groups;
    }
}
