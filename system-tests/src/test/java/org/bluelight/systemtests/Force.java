package org.bluelight.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Transport;

/** Units and incidents on the bundled Andorra map, as the system tests send them. */
final class Force {

    /** Places in the valleys, on or near a road. */
    static final GeoPoint ESCALDES = new GeoPoint(42.5100, 1.5370);
    static final GeoPoint ON_THE_CG1 = new GeoPoint(42.4925, 1.5045);
    static final GeoPoint IN_TOWN = new GeoPoint(42.5075, 1.5120);
    static final GeoPoint ENCAMP = new GeoPoint(42.5355, 1.5830);
    static final GeoPoint LA_MASSANA = new GeoPoint(42.5450, 1.5148);
    static final GeoPoint ORDINO = new GeoPoint(42.5560, 1.5330);
    static final GeoPoint SANT_JULIA = new GeoPoint(42.4637, 1.4912);

    private Force() {
    }

    /** A unit: its attributes and where it stands. */
    record Unit(String id, String group, DrivingStandard standard, int crew, Transport transport, GeoPoint at) {

        OfficerStatus available(Instant at) {
            return status(OfficerState.AVAILABLE, null, at);
        }

        OfficerStatus status(OfficerState state, String incidentId, Instant at) {
            return OfficerStatus.newBuilder().setOfficerId(id).setCallSign("CS-" + id).setState(state).setIncidentId(incidentId)
                    .setChangedAt(at).setCrewSize(crew).setDrivingStandard(standard).setTransport(transport)
                    .setDispatchGroup(group).setShiftEnd(at.plus(Duration.ofHours(8))).build();
        }

        PositionFix fix(Instant fixedAt) {
            return PositionFix.newBuilder().setOfficerId(id).setFixedAt(fixedAt).setPosition(this.at).build();
        }
    }

    /** Three units in each of two dispatch groups, ids and group names starting with {@code prefix}. */
    static List<Unit> twoGroups(String prefix) {
        return List.of(
                new Unit(prefix + "N1", prefix + "NORD", DrivingStandard.ADVANCED, 1, Transport.CAR, LA_MASSANA),
                new Unit(prefix + "N2", prefix + "NORD", DrivingStandard.BASIC, 2, Transport.VAN, ORDINO),
                new Unit(prefix + "N3", prefix + "NORD", DrivingStandard.STANDARD, 1, Transport.CAR, ESCALDES),
                new Unit(prefix + "S1", prefix + "SUD", DrivingStandard.STANDARD, 2, Transport.CAR, SANT_JULIA),
                new Unit(prefix + "S2", prefix + "SUD", DrivingStandard.BASIC, 1, Transport.CAR, IN_TOWN),
                new Unit(prefix + "S3", prefix + "SUD", DrivingStandard.ADVANCED, 1, Transport.MOTORCYCLE, ON_THE_CG1));
    }

    static IncidentEvent reported(String id, int grade, String group, GeoPoint where, Instant at) {
        return IncidentEvent.newBuilder().setIncidentId(id).setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(at).setReportedAt(at).setGrade(grade).setCategory(IncidentCategory.VIOLENCE_WITH_INJURY)
                .setDispatchGroup(group).setLocation(where).build();
    }

    /**
     * {@code count} incidents alternating between the groups {@code prefix}NORD and
     * {@code prefix}SUD, most with a later change a few incidents on (a grade 2 regraded to 1, a
     * grade 1 closed, scheduled work regraded to 2, a grade 2 moved): one event a second of event
     * time from {@code start}. Ids are {@code prefix} and the incident's number.
     */
    static List<IncidentEvent> incidentStream(String prefix, Instant start, int count) {
        Map<String, List<GeoPoint>> scenes = Map.of(
                prefix + "NORD", List.of(LA_MASSANA, ORDINO, ESCALDES, ENCAMP),
                prefix + "SUD", List.of(SANT_JULIA, IN_TOWN, ON_THE_CG1));
        List<IncidentEvent> events = new ArrayList<>();
        List<IncidentEvent> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String group = prefix + (i % 2 == 0 ? "NORD" : "SUD");
            List<GeoPoint> places = scenes.get(group);
            int grade = switch (i % 5) {
                case 0, 2 -> 1;
                case 1, 4 -> 2;
                default -> 3;
            };
            IncidentEvent report = reported(prefix + i, grade, group, places.get(i / 2 % places.size()),
                    start.plusSeconds(events.size()));
            events.add(report);
            reports.add(report);
            if (i >= 3) {
                followUp(reports.get(i - 3), i - 3, start.plusSeconds(events.size())).ifPresent(events::add);
            }
        }
        for (int i = Math.max(0, count - 3); i < count; i++) {
            followUp(reports.get(i), i, start.plusSeconds(events.size())).ifPresent(events::add);
        }
        return events;
    }

    private static Optional<IncidentEvent> followUp(IncidentEvent report, int i, Instant at) {
        IncidentEvent.Builder change = IncidentEvent.newBuilder(report).setEventType(IncidentEventType.UPDATED).setOccurredAt(at);
        GeoPoint scene = report.getLocation();
        return switch (i % 5) {
            case 1 -> Optional.of(change.setGrade(1).build());
            case 2 -> Optional.of(change.setEventType(IncidentEventType.CLOSED).build());
            case 3 -> Optional.of(change.setGrade(2).build());
            // About 300 m north-east.
            case 4 -> Optional.of(change.setLocation(new GeoPoint(scene.getLat() + 0.0019, scene.getLon() + 0.0026)).build());
            default -> Optional.empty();
        };
    }
}
