package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskingLedgerTest {

    private static final LocalDate MONDAY = LocalDate.parse("2024-05-06");
    private static final Instant NINE = Instant.parse("2024-05-06T09:00:00Z");

    private KeyValueStore<String, Long> store;
    private TaskingLedger ledger;

    @BeforeEach
    void open() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TaskingTopology.LEDGER_STORE), Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        ledger = new TaskingLedger(store);
    }

    @Test
    void visitsCountPerHotSpotAndDayWithTheLastOnesTime() {
        ledger.visitTasked(MONDAY, "HS-01", NINE);
        ledger.visitTasked(MONDAY, "HS-01", NINE.plusSeconds(600));
        ledger.visitTasked(MONDAY, "HS-02", NINE);
        assertThat(ledger.visits(MONDAY, "HS-01")).isEqualTo(2);
        assertThat(ledger.lastVisit(MONDAY, "HS-01")).contains(NINE.plusSeconds(600));
        assertThat(ledger.visits(MONDAY, "HS-02")).isEqualTo(1);
        assertThat(ledger.visits(MONDAY.plusDays(1), "HS-01")).isZero();
        assertThat(ledger.lastVisit(MONDAY.plusDays(1), "HS-01")).isEmpty();
    }

    @Test
    void earlierDaysAreForgottenAndTodayAndTheMoveUpsAreKept() {
        for (int d = 0; d < 40; d++) {
            ledger.visitTasked(MONDAY.minusDays(d), "HS-01", NINE.minusSeconds(86_400L * d));
        }
        ledger.moved("OF-1", NINE);

        ledger.forgetDaysBefore(MONDAY);

        assertThat(ledger.visits(MONDAY, "HS-01")).isEqualTo(1);
        assertThat(ledger.lastVisit(MONDAY, "HS-01")).contains(NINE);
        assertThat(ledger.visits(MONDAY.minusDays(1), "HS-01")).isZero();
        assertThat(ledger.lastMoveOf("OF-1")).contains(NINE);
        assertThat(store.approximateNumEntries()).as("today's two keys and the move").isEqualTo(3);
    }
}
