package org.bluelight.dispatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.stream.IncidentPathWarmUp;
import org.bluelight.routing.network.SearchWarmUp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.ConfigurationException;
import org.junit.jupiter.api.Test;

class DispatchSettingsTest {

    @Test
    void desksGetAFixAfter50mOr30sUnlessConfiguredOtherwise() {
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of())).forwarding()).isEqualTo(DeskForwarding.defaults());
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.FORWARD_MOVE, "0", DispatchSettings.FORWARD_AFTER, "0")))
                .forwarding()).isEqualTo(DeskForwarding.everyChange());
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.FORWARD_MOVE, "20", DispatchSettings.FORWARD_AFTER, "10000")))
                .forwarding()).isEqualTo(new DeskForwarding(20, Duration.ofSeconds(10)));
    }

    @Test
    void refusesADeskPositionThatCouldAgeIntoTheStalePenalty() {
        assertThatThrownBy(() -> DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.FORWARD_AFTER, "120000"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dispatch.stale.after.ms");
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.FORWARD_AFTER, "120000",
                "dispatch.stale.after.ms", "300000"))).forwarding().after()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesANegativeDistance() {
        assertThatThrownBy(() -> DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.FORWARD_MOVE, "-1"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(DispatchSettings.FORWARD_MOVE);
    }

    @Test
    void routingIsWarmedUpForTwoSecondsUnlessConfiguredOtherwise() {
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of())).warmUp()).isEqualTo(SearchWarmUp.DEFAULT);
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.WARM_UP, "0"))).warmUp().budget()).isZero();
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.WARM_UP, "5000", DispatchSettings.WARM_UP_SEARCHES, "50")))
                .warmUp()).isEqualTo(new SearchWarmUp(Duration.ofSeconds(5), 50));
        assertThatThrownBy(() -> DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.WARM_UP_SEARCHES, "-1"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(DispatchSettings.WARM_UP_SEARCHES);
    }

    @Test
    void etasComeFromContractionHierarchiesAndTheIncidentPathIsWarmedUpUnlessConfiguredOtherwise() {
        DispatchSettings defaults = DispatchSettings.from(ConfigSource.of(Map.of()));
        assertThat(defaults.hierarchies()).isTrue();
        assertThat(defaults.deskWarmUp()).isEqualTo(IncidentPathWarmUp.DEFAULT);

        DispatchSettings off = DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.HIERARCHIES, "false",
                DispatchSettings.DESK_WARM_UP_INCIDENTS, "0")));
        assertThat(off.hierarchies()).isFalse();
        assertThat(off.deskWarmUp().incidents()).isZero();
        assertThatThrownBy(() -> DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.DESK_WARM_UP, "-1"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(DispatchSettings.DESK_WARM_UP);
    }

    @Test
    void afterACrashRoutingIsNotWarmedUpAndOneSyntheticIncidentRunsUnlessConfiguredOtherwise() {
        ConfigSource defaults = ConfigSource.of(Map.of());
        DispatchSettings afterCrash = DispatchSettings.from(defaults).afterCrash();
        assertThat(afterCrash.warmUp().searches()).isZero();
        assertThat(afterCrash.deskWarmUp().incidents()).isEqualTo(1);
        assertThat(afterCrash.rules()).isEqualTo(DispatchSettings.from(defaults).rules());

        ConfigSource deskOff = ConfigSource.of(Map.of(DispatchSettings.DESK_WARM_UP_INCIDENTS, "0"));
        assertThat(DispatchSettings.from(deskOff).afterCrash().deskWarmUp().incidents()).isZero();

        ConfigSource inFull = ConfigSource.of(Map.of(DispatchSettings.WARM_UP_AFTER_CRASH, "true"));
        assertThat(DispatchSettings.from(inFull).afterCrash()).isEqualTo(DispatchSettings.from(inFull));
    }

    @Test
    void theLowLatencySettingCommitsAsSoonAsAnIncidentIsRoutedOrRecommendedAndAtTheDefaultIntervalOtherwise() {
        ConfigSource lowLatency = ConfigSource.of(DispatchApp.LOW_LATENCY);
        assertThat(DispatchSettings.from(lowLatency).commitOnIncident()).isTrue();
        StreamsConfig config = new StreamsConfig(DispatchApp.config(lowLatency, 0, DispatchApp.LATENCY_DEFAULTS).streamsProperties());
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(50);
        assertThat(config.getProducerConfigs("dispatch")).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5");

        assertThat(DispatchSettings.from(ConfigSource.of(Map.of())).commitOnIncident()).as("the defaults").isFalse();
    }

    @Test
    void producersRetryARefusedSendAfter10msAndTasksWaitForFetchableInputsUnlessConfiguredOtherwise() {
        StreamsConfig defaults = new StreamsConfig(DispatchApp.config(ConfigSource.of(Map.of()), 0, DispatchApp.LATENCY_DEFAULTS)
                .streamsProperties());
        assertThat(defaults.getProducerConfigs("dispatch")).containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "10");
        // Kafka's 0: a task catching up reads its inputs in timestamp order once they are fetched (see KAFKA_DEFAULTS).
        assertThat(defaults.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isZero();

        StreamsConfig configured = new StreamsConfig(DispatchApp.config(ConfigSource.of(Map.of(
                "kafka.producer.retry.backoff.ms", "100", "kafka.max.task.idle.ms", "-1")), 0, DispatchApp.LATENCY_DEFAULTS)
                .streamsProperties());
        assertThat(configured.getProducerConfigs("dispatch")).containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        assertThat(configured.getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG)).isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }

    @Test
    void aGroupHoldsFiveThousandUnitsAndTwoThousandOpenIncidentsUnlessConfiguredOtherwise() {
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of())).desk()).isEqualTo(DeskLimits.defaults());
        assertThat(DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.GROUP_MAX_OFFICERS, "200",
                DispatchSettings.GROUP_MAX_OPEN, "300", DispatchSettings.MAX_REEVALUATIONS, "5"))).desk())
                .isEqualTo(new DeskLimits(200, 300, 5));
        assertThatThrownBy(() -> DispatchSettings.from(ConfigSource.of(Map.of(DispatchSettings.GROUP_MAX_OPEN, "0"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(DispatchSettings.GROUP_MAX_OPEN);
    }
}
