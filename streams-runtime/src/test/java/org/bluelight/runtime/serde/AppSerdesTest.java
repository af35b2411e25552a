package org.bluelight.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.serde.ContractSerdes;
import org.junit.jupiter.api.Test;

class AppSerdesTest {

    /** Notes what a warm-up asks; registering under {@code refused} fails as a registry that says no would. */
    private static final class Recording implements ContractSerdes {
        final List<String> asked = new ArrayList<>();
        String refused = "";

        @Override
        public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean key) {
            return null;
        }

        @Override
        public void warmUp(Topic<?, ?> topic) {
            asked.add("read " + topic.topicName());
        }

        @Override
        public void warmUpWriting(String topic, Class<? extends SpecificRecord> type, boolean key) {
            if (topic.equals(refused)) {
                throw new IllegalStateException("403 Forbidden");
            }
            asked.add("register " + topic + (key ? "-key " : "-value ") + type.getSimpleName());
        }
    }

    @Test
    void aWarmUpLooksUpTheContractTopicsReadAndRegistersThoseWrittenAndNoOthers() {
        Recording contracts = new Recording();
        AppSerdes serdes = new AppSerdes(contracts);

        AppSerdes.Warmed warmed = serdes.warmUp(new SchemaWarmUp(
                new TreeSet<>(Set.of("cad.incidents", "bluelight-dispatch-group-events-repartition")),
                new TreeSet<>(Set.of("dispatch.recommendations", "metrics.response", "cad.incidents.dlq")),
                new TreeMap<>()));

        assertThat(contracts.asked).containsExactlyInAnyOrder("read cad.incidents",
                "register dispatch.recommendations-value Recommendation",
                "register metrics.response-key ResponseKpiKey", "register metrics.response-value ResponseKpi");
        assertThat(warmed).isEqualTo(new AppSerdes.Warmed(3, 0, List.of()));
    }

    @Test
    void aStoreHoldingAContractHasItRegisteredUnderItsChangelogUnlessTwoAppsNameTheirStoresAlike() {
        Recording contracts = new Recording();
        AppSerdes serdes = new AppSerdes(contracts);
        serdes.storeValueSerde("latest-recommendations", Topic.RECOMMENDATIONS);
        serdes.storeValueSerde("tasks", Topic.MOVEUPS);
        serdes.storeValueSerde("tasks", Topic.PATROL_TASKS);

        AppSerdes.Warmed warmed = serdes.warmUp(new SchemaWarmUp(new TreeSet<>(), new TreeSet<>(),
                new TreeMap<>(Map.of("latest-recommendations", "app-latest-recommendations-changelog",
                        "tasks", "app-tasks-changelog", "group-backlog", "app-group-backlog-changelog"))));

        assertThat(contracts.asked).containsExactly("register app-latest-recommendations-changelog-value Recommendation");
        assertThat(warmed.stores()).isEqualTo(1);
    }

    @Test
    void aRefusalIsNotedAndTheRestIsStillWarmed() {
        Recording contracts = new Recording();
        contracts.refused = "dispatch.backlog";
        AppSerdes serdes = new AppSerdes(contracts);

        AppSerdes.Warmed warmed = serdes.warmUp(new SchemaWarmUp(new TreeSet<>(Set.of("cad.incidents")),
                new TreeSet<>(Set.of("dispatch.backlog", "dispatch.recommendations")), new TreeMap<>()));

        assertThat(contracts.asked).containsExactlyInAnyOrder("read cad.incidents", "register dispatch.recommendations-value Recommendation");
        assertThat(warmed.topics()).isEqualTo(2);
        assertThat(warmed.failures()).containsExactly("writing dispatch.backlog: 403 Forbidden");
    }
}
