package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * What FSU needs of one incident (a call for service): who made it, who it is about, and the
 * resource time spent on it. Pre-planned operations and cancelled incidents link nobody.
 *
 * @param facts null until the incident itself has been seen (resource events may come first)
 * @param links the person links last sent, so changes can be withdrawn
 */
public record CallRecord(Facts facts, ResourceTimeline timeline, Set<String> links) {

    /** The incident's fields FSU uses. */
    public record Facts(String incidentId, Instant reportedAt, String originatorPersonId, List<String> subjectPersonIds,
                        boolean preplannedOperation, boolean cancelled, Set<SafeguardingTheme> themes, String area) {

        public static Facts of(IncidentEvent event) {
            Set<SafeguardingTheme> themes = event.getThemes().isEmpty()
                    ? EnumSet.noneOf(SafeguardingTheme.class) : EnumSet.copyOf(event.getThemes());
            return new Facts(event.getIncidentId(), event.getReportedAt(), event.getOriginatorPersonId(),
                    List.copyOf(event.getSubjectPersonIds()), event.getPreplannedOperation(),
                    event.getEventType() == IncidentEventType.CANCELLED, themes, event.getNeighbourhoodArea());
        }
    }

    public CallRecord {
        timeline = timeline == null ? ResourceTimeline.empty() : timeline;
        links = Set.copyOf(links);
    }

    public static CallRecord empty() {
        return new CallRecord(null, ResourceTimeline.empty(), Set.of());
    }

    /** A later version of the incident; a cancellation is final. */
    public CallRecord withFacts(Facts next) {
        boolean cancelled = next.cancelled() || (facts != null && facts.cancelled());
        Facts merged = new Facts(next.incidentId(), next.reportedAt(), next.originatorPersonId(), next.subjectPersonIds(),
                next.preplannedOperation(), cancelled, next.themes(), next.area());
        return new CallRecord(merged, timeline, links);
    }

    public CallRecord with(ResourceEvent event) {
        return new CallRecord(facts, event.applyTo(timeline), links);
    }

    /** The person updates this version calls for, and the record remembering them. */
    public PersonLinker.Relink relink() {
        List<PersonUpdate> current = new ArrayList<>();
        if (facts != null && !facts.cancelled() && !facts.preplannedOperation()) {
            double hours = timeline.hours();
            if (facts.originatorPersonId() != null) {
                current.add(new PersonUpdate(facts.originatorPersonId(), PersonLedger.callKey(facts.incidentId(), true),
                        PersonActivity.call(true, facts.reportedAt(), hours, facts.themes(), facts.area())));
            }
            for (String subject : new LinkedHashSet<>(facts.subjectPersonIds())) {
                current.add(new PersonUpdate(subject, PersonLedger.callKey(facts.incidentId(), false),
                        PersonActivity.call(false, facts.reportedAt(), hours, facts.themes(), facts.area())));
            }
        }
        return PersonLinker.relink(links, current);
    }

    public CallRecord withLinks(Set<String> newLinks) {
        return new CallRecord(facts, timeline, newLinks);
    }
}
