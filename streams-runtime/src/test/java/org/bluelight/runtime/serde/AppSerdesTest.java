package org.bluelight.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.serde.ContractSerdes;
import org.junit.jupiter.api.Test;

class AppSerdesTest {

    @Test
    void aWarmUpFetchesAheadForTheContractTopicsNamedAndNoOthers() {
        List<String> warmed = new ArrayList<>();
        AppSerdes serdes = new AppSerdes(new ContractSerdes() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void warmUp(Topic<?, ?> topic) {
                warmed.add(topic.topicName());
            }
        });

        int count = serdes.warmUp(List.of("cad.incidents", "dispatch.recommendations", "bluelight-dispatch-group-events-repartition"));

        assertThat(warmed).containsExactlyInAnyOrder("cad.incidents", "dispatch.recommendations");
        assertThat(count).isEqualTo(2);
    }
}
