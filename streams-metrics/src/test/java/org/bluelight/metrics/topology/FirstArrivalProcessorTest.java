package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.response.GroupInput;
import org.bluelight.metrics.response.IncidentResponse;
import org.bluelight.metrics.response.IncidentResponseSerde;
import org.bluelight.metrics.response.ResponseInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirstArrivalProcessorTest {

    /** Default retention: first-arrival state is kept 7 days, swept every 7 hours. */
    private static final MetricsSettings SETTINGS = MetricsSettings.defaults();
    private static final Instant REPORTED = Instant.parse("2024-05-01T09:05:00Z");

    private MockProcessorContext<String, GroupInput> context;
    private KeyValueStore<String, IncidentResponse> responses;

    @BeforeEach
    void stores() {
        context = ProcessorStores.context("first-arrival-test");
        responses = ProcessorStores.add(context, MetricsTopology.RESPONSES_STORE, IncidentResponseSerde.create());
        ProcessorStores.add(context, MetricsTopology.RESPONSE_SOURCES_STORE, Serdes.Long());
        ProcessorStores.add(context, MetricsTopology.RESPONSE_TIMES_STORE, Serdes.String());
    }

    @Test
    void purgesStateOncePastItsRetentionByTheTimeItIsKeptAfter() {
        FirstArrivalProcessor processor = started();
        processor.process(incident("I1", REPORTED));
        // I2's arrival came first: kept after the arrival until its report moves it a day on.
        processor.process(arrival("I2", REPORTED.plusSeconds(600)));
        processor.process(incident("I2", REPORTED.plus(Duration.ofDays(1))));

        processor.process(incident("I3", REPORTED.plus(Duration.ofDays(7)).plus(Duration.ofHours(8))));

        assertThat(responses.get("I1")).as("reported more than 7 days before the inputs' time").isNull();
        assertThat(responses.get("I2")).as("reported a day later").isNotNull();
        assertThat(responses.get("I3")).isNotNull();

        processor.process(incident("I4", REPORTED.plus(Duration.ofDays(8)).plus(Duration.ofHours(8))));
        assertThat(responses.get("I2")).isNull();
        assertThat(responses.get("I3")).isNotNull();
    }

    @Test
    void purgesStateWrittenByAVersionWithoutTheList() {
        responses.put("I1", IncidentResponse.unseen().onIncident("I1", REPORTED, 1, "RAD1", false).state());
        FirstArrivalProcessor processor = started();

        processor.process(incident("I2", REPORTED.plus(Duration.ofDays(7)).plus(Duration.ofHours(8))));

        assertThat(responses.get("I1")).isNull();
        assertThat(responses.get("I2")).isNotNull();
    }

    private FirstArrivalProcessor started() {
        FirstArrivalProcessor processor = new FirstArrivalProcessor(SETTINGS, new SimpleMeterRegistry());
        processor.init(context);
        return processor;
    }

    private static Record<String, ResponseInput> incident(String id, Instant reported) {
        return new Record<>(id, new ResponseInput(id, reported, 1, "RAD1", false, null, "cad.incidents-0"), reported.toEpochMilli());
    }

    private static Record<String, ResponseInput> arrival(String id, Instant arrived) {
        return new Record<>(id, ResponseInput.arrival(id, arrived).from("cad.incidents-0"), arrived.toEpochMilli());
    }
}
