package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.desk.IncidentCase;
import org.bluelight.dispatch.fixtures.TableTravelTimes;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;
import org.bluelight.testkit.PlainAvroSerdes;
import org.junit.jupiter.api.Test;

/** {@code dispatch.commit.on.incident}: a live incident's two hops ask for a commit instead of waiting for the interval. */
class CommitOnIncidentTest {

    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    private static final IncidentEvent REPORTED = DispatchDriver.incident("I1", 1, T0).setLocation(new GeoPoint(52.6369, -1.1398)).build();

    /** The wall clock when a live incident is read: 30 ms after it was reported. */
    private static final Instant LIVE = T0.plusMillis(30);
    /** The wall clock of a thread that has fallen behind, or a task catching up: a second after. */
    private static final Instant CATCHING_UP = T0.plusSeconds(1);

    @Test
    void theRouterAsksForACommitAfterALiveIncidentOnlyWhenSetTo() {
        assertThat(routerCommitted(new CommitOnIncident(true), LIVE)).isTrue();
        assertThat(routerCommitted(CommitOnIncident.OFF, LIVE)).isFalse();
        assertThat(routerCommitted(new CommitOnIncident(true), CATCHING_UP)).as("an incident read catching up").isFalse();
    }

    @Test
    void theDeskAsksForACommitAfterALiveIncidentsRecommendationOnlyWhenSetTo() {
        assertThat(deskCommitted(new CommitOnIncident(true), LIVE)).isTrue();
        assertThat(deskCommitted(CommitOnIncident.OFF, LIVE)).isFalse();
        assertThat(deskCommitted(new CommitOnIncident(true), CATCHING_UP)).as("an incident read catching up").isFalse();
    }

    private static boolean routerCommitted(CommitOnIncident commit, Instant now) {
        MockProcessorContext<String, GroupEvent> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(now.toEpochMilli());
        addStore(context, DispatchTopology.INCIDENT_GROUPS_STORE, Serdes.String());
        addStore(context, DispatchTopology.EARLY_ASSIGNMENTS_STORE, JsonSerde.of(EarlyAssignments.Waiting.class));
        addStore(context, DispatchTopology.EARLY_ASSIGNMENTS_COUNT_STORE, Serdes.Long());
        IncidentRouter.Incidents router = new IncidentRouter.Incidents(inbound(), EarlyHold.defaults(), commit, new SimpleMeterRegistry());
        router.init(context);

        router.process(new Record<>("I1", REPORTED, T0.toEpochMilli()));

        assertThat(context.forwarded()).singleElement().satisfies(routed -> assertThat(routed.record().key()).isEqualTo("NORTH"));
        return context.committed();
    }

    private static boolean deskCommitted(CommitOnIncident commit, Instant now) {
        MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(now.toEpochMilli());
        addStore(context, DispatchTopology.GROUP_OFFICERS_STORE, OfficerSerde.create());
        addStore(context, DispatchTopology.CASES_STORE, JsonSerde.of(IncidentCase.class));
        addStore(context, DispatchTopology.BACKLOG_STORE, JsonSerde.of(WaitingIncident.class));
        addStore(context, DispatchTopology.LATEST_RECOMMENDATIONS_STORE,
                new AppSerdes(PlainAvroSerdes.INSTANCE).valueSerde(Topic.RECOMMENDATIONS));
        DispatchProcessor desk = new DispatchProcessor(new Recommender(DispatchRules.defaults(), new TableTravelTimes(10)),
                DeskLimits.defaults(), commit);
        desk.init(context);
        Incident incident = ((Result.Valid<Incident>) inbound().incident("I1", REPORTED, T0)).value();

        desk.process(new Record<>("NORTH", new GroupEvent.IncidentChanged(incident, IncidentEventType.REPORTED), T0.toEpochMilli()));

        // No unit in the group: the desk says so, in a recommendation without candidates.
        assertThat(context.forwarded()).anySatisfy(out -> assertThat(out.record().value()).isInstanceOf(Recommendation.class));
        return context.committed();
    }

    private static Inbound inbound() {
        return new Inbound(DispatchRules.defaults(), InputLimits.defaults(), new SimpleMeterRegistry());
    }

    private static <V> void addStore(MockProcessorContext<?, ?> context, String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
