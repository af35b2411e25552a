package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.CustodyRecord;

/** The person links a crime or custody record makes; cancelled and pre-planned records make none. */
public final class RecordLinks {

    private RecordLinks() {
    }

    public static List<PersonUpdate> of(CrimeRecord crime) {
        if (crime.getCancelled() || crime.getPreplannedOperation()) {
            return List.of();
        }
        Map<String, Set<CrimeRole>> roles = new HashMap<>();
        Map<String, String> homeAreas = new HashMap<>();
        for (CrimePerson person : crime.getPeople()) {
            roles.computeIfAbsent(person.getPersonId(), id -> EnumSet.noneOf(CrimeRole.class)).add(person.getRole());
            if (person.getHomeArea() != null) {
                homeAreas.put(person.getPersonId(), person.getHomeArea());
            }
        }
        // The window counts records created in it; older producers send no creation time.
        Instant created = crime.getCreatedAt() != null ? crime.getCreatedAt() : crime.getRecordedAt();
        List<PersonUpdate> updates = new ArrayList<>();
        roles.forEach((personId, personRoles) -> updates.add(new PersonUpdate(personId,
                PersonLedger.crimeKey(crime.getCrimeId()), PersonActivity.crime(created, personRoles, homeAreas.get(personId)))));
        return updates;
    }

    public static List<PersonUpdate> of(CustodyRecord custody) {
        if (custody.getPreplannedOperation()) {
            return List.of();
        }
        return List.of(new PersonUpdate(custody.getPersonId(), PersonLedger.custodyKey(custody.getCustodyId()),
                PersonActivity.custody(custody.getArrivedAt(), custody.getReleasedAt(), custody.getHomeArea())));
    }
}
