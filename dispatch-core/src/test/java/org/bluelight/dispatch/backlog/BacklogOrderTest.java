package org.bluelight.dispatch.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.dispatch.fixtures.Incidents.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogOrderTest {

    static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    static WaitingIncident waiting(String id, int grade, Instant reported, Duration target, int serviceMinutes) {
        return new WaitingIncident(incident(id).grade(grade).reportedAt(reported).build(), reported,
                reported.plus(target), serviceMinutes, "no available officer in group");
    }

    @Test
    void ordersByGradeThenTimeLeftAgainstTargetThenServiceTime() {
        WaitingIncident oldGrade2 = waiting("OLD2", 2, T0, Duration.ofMinutes(60), 30);
        WaitingIncident newGrade1 = waiting("NEW1", 1, T0.plus(Duration.ofMinutes(50)), Duration.ofMinutes(15), 60);
        WaitingIncident olderGrade1 = waiting("OLD1", 1, T0.plus(Duration.ofMinutes(40)), Duration.ofMinutes(15), 90);
        WaitingIncident sameTimeShortJob = waiting("SHORT1", 1, T0.plus(Duration.ofMinutes(40)), Duration.ofMinutes(15), 20);

        List<WaitingIncident> queue = new ArrayList<>(List.of(oldGrade2, newGrade1, olderGrade1, sameTimeShortJob));
        queue.sort(BacklogOrder.HEAD_FIRST);

        assertThat(queue).extracting(WaitingIncident::incidentId).containsExactly("SHORT1", "OLD1", "NEW1", "OLD2");
    }

    @Test
    void sortKeysSortLikeTheComparator() {
        List<WaitingIncident> queue = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            queue.add(waiting("I" + i, 1 + i % 3, T0.plus(Duration.ofSeconds(i * 7919L % 5000)),
                    Duration.ofMinutes(15 + 45 * (i % 2)), (i * 31) % 200));
        }
        List<WaitingIncident> byComparator = new ArrayList<>(queue);
        byComparator.sort(BacklogOrder.HEAD_FIRST);
        List<WaitingIncident> byKey = new ArrayList<>(queue);
        byKey.sort(Comparator.comparing(BacklogOrder::sortKey));

        assertThat(byKey).isEqualTo(byComparator);
    }

    @Test
    void anIncidentIsBreachedOnceItsTargetHasPassed() {
        WaitingIncident grade1 = waiting("I1", 1, T0, Duration.ofMinutes(15), 30);

        assertThat(grade1.breached(T0.plus(Duration.ofMinutes(15)))).isFalse();
        assertThat(grade1.breached(T0.plus(Duration.ofMinutes(15)).plusMillis(1))).isTrue();
    }
}
