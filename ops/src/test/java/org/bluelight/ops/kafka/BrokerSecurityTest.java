package org.bluelight.ops.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerSecurityTest {

    private final BrokerSecurity security = new BrokerSecurity(9094, Path.of("/data/security/broker.p12"), "kp",
            Path.of("/data/security/public/broker-certificate.pem"), "ap");
    private final LocalKafkaBrokerConfig secured = new LocalKafkaBrokerConfig(Path.of("/data"), 9092, 9093,
            List.of(BrokerListener.parse("DOCKER://0.0.0.0:19092", "DOCKER://kafka:19092"))).secured(security);

    @Test
    void everyListenerIsSaslOverTlsAndClientsUseScram() {
        Properties props = secured.serverProperties();

        assertThat(props.getProperty("listeners"))
                .isEqualTo("SASL_SSL://127.0.0.1:9092,INTERNAL://127.0.0.1:9094,CONTROLLER://127.0.0.1:9093,DOCKER://0.0.0.0:19092");
        assertThat(props.getProperty("listener.security.protocol.map"))
                .isEqualTo("SASL_SSL:SASL_SSL,INTERNAL:SASL_SSL,CONTROLLER:SASL_SSL,DOCKER:SASL_SSL");
        assertThat(props.getProperty("listener.name.sasl_ssl.sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
        assertThat(props.getProperty("listener.name.docker.sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
        assertThat(props.getProperty("listener.name.internal.sasl.enabled.mechanisms")).isEqualTo("PLAIN");
        assertThat(props.getProperty("inter.broker.listener.name")).isEqualTo("INTERNAL");
        assertThat(props.getProperty("authorizer.class.name")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(props.getProperty("super.users")).isEqualTo("User:admin");
        assertThat(props.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
    }

    @Test
    void adminToolsUseTheSuperUsersLoopbackListener() {
        assertThat(secured.adminClientSettings())
                .containsEntry("bootstrap.servers", "127.0.0.1:9094")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN");
        assertThat(new LocalKafkaBrokerConfig(Path.of("/data"), 9092, 9093).adminClientSettings())
                .containsExactly(java.util.Map.entry("bootstrap.servers", "127.0.0.1:9092"));
    }

    @Test
    void clientsTrustTheBrokersCertificateAndLogInWithScram() {
        assertThat(security.clientSettings("dispatch", "pw"))
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/data/security/public/broker-certificate.pem")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"dispatch\" password=\"pw\";");
    }

    @Test
    void aNetworkListenerCannotTakeTheSecuredBrokersOwnNames() {
        assertThatThrownBy(() -> new LocalKafkaBrokerConfig(Path.of("/data"), 9092, 9093,
                List.of(BrokerListener.parse("INTERNAL://0.0.0.0:19092", null))).secured(security))
                .hasMessageContaining("INTERNAL");
    }

    @Test
    void passwordsStayOutOfItsDescription() {
        assertThat(security.toString()).doesNotContain("kp").doesNotContain("ap\"");
    }
}
