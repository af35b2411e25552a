package org.bluelight.dispatch.stream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.backlog.BacklogOrder;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.desk.DispatchBoard;
import org.bluelight.dispatch.desk.IncidentCase;

/**
 * The dispatch board over the group partition's state stores. Keys start with the dispatch
 * group, so one group is one prefix scan; backlog keys continue with the backlog sort key, so a
 * scan returns the queue head first.
 */
final class StoreBoard implements DispatchBoard {

    /** Separates the group from the rest of a key; cannot occur in a group name typed by people. */
    static final char SEPARATOR = '\u001f';
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, Officer> officers;
    private final KeyValueStore<String, IncidentCase> cases;
    private final KeyValueStore<String, WaitingIncident> backlog;

    StoreBoard(KeyValueStore<String, Officer> officers, KeyValueStore<String, IncidentCase> cases,
               KeyValueStore<String, WaitingIncident> backlog) {
        this.officers = officers;
        this.cases = cases;
        this.backlog = backlog;
    }

    static String key(String group, String rest) {
        return group + SEPARATOR + rest;
    }

    static String groupOf(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    @Override
    public Optional<Officer> officer(String group, String officerId) {
        return Optional.ofNullable(officers.get(key(group, officerId)));
    }

    @Override
    public void putOfficer(Officer officer) {
        officers.put(key(officer.dispatchGroup(), officer.id()), officer);
    }

    @Override
    public void removeOfficer(String group, String officerId) {
        officers.delete(key(group, officerId));
    }

    @Override
    public List<Officer> officers(String group) {
        return scan(officers, group);
    }

    @Override
    public Optional<IncidentCase> incidentCase(String group, String incidentId) {
        return Optional.ofNullable(cases.get(key(group, incidentId)));
    }

    @Override
    public void putCase(IncidentCase incidentCase) {
        IncidentCase previous = cases.get(key(incidentCase.dispatchGroup(), incidentCase.incidentId()));
        unqueue(previous);
        cases.put(key(incidentCase.dispatchGroup(), incidentCase.incidentId()), incidentCase);
        if (incidentCase.waiting() != null) {
            backlog.put(key(incidentCase.dispatchGroup(), BacklogOrder.sortKey(incidentCase.waiting())), incidentCase.waiting());
        }
    }

    @Override
    public void removeCase(IncidentCase incidentCase) {
        unqueue(cases.get(key(incidentCase.dispatchGroup(), incidentCase.incidentId())));
        cases.delete(key(incidentCase.dispatchGroup(), incidentCase.incidentId()));
    }

    private void unqueue(IncidentCase previous) {
        if (previous != null && previous.waiting() != null) {
            backlog.delete(key(previous.dispatchGroup(), BacklogOrder.sortKey(previous.waiting())));
        }
    }

    @Override
    public List<IncidentCase> cases(String group) {
        return scan(cases, group);
    }

    @Override
    public List<WaitingIncident> backlog(String group) {
        return scan(backlog, group);
    }

    @Override
    public List<String> groupsWithBacklog() {
        Set<String> groups = new LinkedHashSet<>();
        try (KeyValueIterator<String, WaitingIncident> all = backlog.all()) {
            all.forEachRemaining(entry -> groups.add(groupOf(entry.key)));
        }
        return List.copyOf(groups);
    }

    private static <V> List<V> scan(KeyValueStore<String, V> store, String group) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> range = store.prefixScan(group + SEPARATOR, KEYS)) {
            while (range.hasNext()) {
                KeyValue<String, V> entry = range.next();
                values.add(entry.value);
            }
        }
        return values;
    }
}
