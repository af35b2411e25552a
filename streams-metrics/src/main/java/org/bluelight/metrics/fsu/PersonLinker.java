package org.bluelight.metrics.fsu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Works out the person updates when a source record (a call, crime or custody record) changes:
 * its current links are set, and links it made before but no longer makes (a person removed, a
 * record cancelled) are withdrawn.
 */
public final class PersonLinker {

    /** The updates to send and the links to remember. */
    public record Relink(List<PersonUpdate> updates, Set<String> links) {
    }

    private PersonLinker() {
    }

    public static Relink relink(Set<String> previousLinks, List<PersonUpdate> current) {
        List<PersonUpdate> updates = new ArrayList<>(current);
        Set<String> links = new HashSet<>();
        current.forEach(update -> links.add(update.link()));
        for (String link : previousLinks) {
            if (!links.contains(link)) {
                int bar = link.indexOf('|');
                updates.add(new PersonUpdate(link.substring(0, bar), link.substring(bar + 1), null));
            }
        }
        return new Relink(updates, links);
    }
}
