package org.bluelight.ops.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class LocalKafkaBrokerConfigTest {

    private final LocalKafkaBrokerConfig config = new LocalKafkaBrokerConfig(Path.of("target/broker"), 19092, 19093);

    @Test
    void kafkaAcceptsTheServerPropertiesAsACombinedSingleNode() {
        KafkaConfig kafka = KafkaConfig.fromProps(config.serverProperties(), false);

        assertThat(kafka.nodeId()).isEqualTo(1);
        assertThat(kafka.processRoles().size()).isEqualTo(2);
        assertThat(kafka.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
        assertThat(kafka.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 1);
        assertThat(kafka.getInt("transaction.state.log.min.isr")).isEqualTo(1);
        assertThat(kafka.metadataLogDir()).isEqualTo(Path.of("target/broker/kafka").toAbsolutePath().toString());
    }

    @Test
    void neverCreatesATopicOnAWriteOrARead() {
        KafkaConfig kafka = KafkaConfig.fromProps(config.serverProperties(), false);

        assertThat(kafka.autoCreateTopicsEnable()).isFalse();
    }

    @Test
    void listensAndAdvertisesOnLoopbackOnly() {
        var props = config.serverProperties();

        assertThat(props.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void rejectsPortsOutOfRangeOrShared() {
        assertThatThrownBy(() -> new LocalKafkaBrokerConfig(Path.of("d"), 0, 9093))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brokerPort must be in 1..65535, got 0");
        assertThatThrownBy(() -> new LocalKafkaBrokerConfig(Path.of("d"), 9092, 70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controllerPort");
        assertThatThrownBy(() -> new LocalKafkaBrokerConfig(Path.of("d"), 9092, 9092))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must differ");
    }

    @Test
    void networkListenersBindTheirAddressAndAdvertiseWhatClientsThereReach() {
        LocalKafkaBrokerConfig container = new LocalKafkaBrokerConfig(Path.of("d"), 9092, 9093, List.of(
                BrokerListener.parse("DOCKER://0.0.0.0:19092", "DOCKER://kafka:19092"),
                BrokerListener.parse("HOST://0.0.0.0:29092", "HOST://localhost:9092")));
        var props = container.serverProperties();

        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093,DOCKER://0.0.0.0:19092,HOST://0.0.0.0:29092");
        assertThat(props.getProperty("advertised.listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,DOCKER://kafka:19092,HOST://localhost:9092");
        assertThat(KafkaConfig.fromProps(props, false).effectiveAdvertisedBrokerListeners().size()).isEqualTo(3);
        assertThat(container.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void rejectsNetworkListenersThatClashOrAreMalformed() {
        assertThatThrownBy(() -> new LocalKafkaBrokerConfig(Path.of("d"), 9092, 9093,
                List.of(BrokerListener.parse("DOCKER://0.0.0.0:9093", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9093 is taken");
        assertThatThrownBy(() -> BrokerListener.parse("PLAINTEXT://0.0.0.0:19092", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the broker's own");
        assertThatThrownBy(() -> BrokerListener.parse("DOCKER://0.0.0.0:19092", "HOST://kafka:19092"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no listener");
        assertThatThrownBy(() -> BrokerListener.parse("kafka:19092", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NAME://HOST:PORT");
    }

    @Test
    void aNodeOfAQuorumKeepsThreeReplicasOfEverythingAndNeedsTwoInSyncForAWrite() {
        String clusterId = BrokerQuorum.newClusterId();
        LocalKafkaBrokerConfig node = config.inQuorum(BrokerQuorum.parse(2, "1@127.0.0.1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095", clusterId));
        KafkaConfig kafka = KafkaConfig.fromProps(node.serverProperties(), false);

        assertThat(kafka.nodeId()).isEqualTo(2);
        assertThat(node.controllerPort()).isEqualTo(19094);
        assertThat(node.serverProperties().getProperty("controller.quorum.voters"))
                .isEqualTo("1@127.0.0.1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095");
        assertThat(node.serverProperties().getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19094");
        assertThat(kafka.getShort("offsets.topic.replication.factor")).isEqualTo((short) 3);
        assertThat(kafka.getShort("transaction.state.log.replication.factor")).isEqualTo((short) 3);
        assertThat(kafka.getInt("transaction.state.log.min.isr")).isEqualTo(2);
        assertThat(kafka.getInt("min.insync.replicas")).isEqualTo(2);
        assertThat(kafka.getInt("default.replication.factor")).isEqualTo(3);
        assertThat(kafka.getBoolean("unclean.leader.election.enable")).isFalse();
        assertThat(node.nodeId()).isEqualTo(2);
        assertThat(config.nodeId()).isEqualTo(1);
    }

    @Test
    void rejectsAQuorumThatCannotSurviveALostNodeOrDoesNotNameThisOne() {
        String clusterId = BrokerQuorum.newClusterId();
        assertThatThrownBy(() -> BrokerQuorum.parse(1, "1@127.0.0.1:19093,2@127.0.0.1:19094", clusterId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 3 voters, got 2");
        assertThatThrownBy(() -> BrokerQuorum.parse(4, "1@127.0.0.1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095", clusterId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Node 4 is not one of the voters [1, 2, 3]");
        assertThatThrownBy(() -> BrokerQuorum.parse(1, "1@127.0.0.1:19093,2@127.0.0.1:19093,3@127.0.0.1:19095", clusterId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a controller port of its own");
        assertThatThrownBy(() -> BrokerQuorum.parse(1, "1@127.0.0.1:19093,1@127.0.0.1:19094,3@127.0.0.1:19095", clusterId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Node 1 is named twice");
        assertThatThrownBy(() -> BrokerQuorum.parse(1, "1@kafka-1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095", clusterId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ID@127.0.0.1:PORT, got '1@kafka-1:19093'");
        assertThatThrownBy(() -> BrokerQuorum.parse(1, "1@127.0.0.1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095", "cluster-one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Kafka UUID");
    }
}
