package org.bluelight.ops.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A broker secured with SASL over TLS: clients authenticate with SCRAM-SHA-512, the broker itself
 * (inter-broker and controller traffic) and admin tools with PLAIN as the super user {@value #ADMIN},
 * on a loopback listener of their own; {@code StandardAuthorizer} allows only what the ACLs grant.
 *
 * @param adminPort        the loopback {@value #ADMIN_LISTENER} listener for the broker itself and admin tools
 * @param keystore         the broker's key and certificate (PKCS12)
 * @param keystorePassword the keystore's password
 * @param certificate      the broker's certificate (PEM), which clients trust
 * @param adminPassword    the super user's password
 */
public record BrokerSecurity(int adminPort, Path keystore, String keystorePassword, Path certificate, String adminPassword) {

    /** The super user: the broker itself, topic provisioning and granting access. */
    public static final String ADMIN = "admin";
    /** The listener for clients; named after its protocol, so it needs no mapping. */
    static final String CLIENT_LISTENER = "SASL_SSL";
    static final String ADMIN_LISTENER = "INTERNAL";
    public static final String SCRAM = "SCRAM-SHA-512";

    public BrokerSecurity {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(adminPassword, "adminPassword");
        if (adminPort < 1 || adminPort > 65535) {
            throw new IllegalArgumentException("adminPort must be in 1..65535, got " + adminPort);
        }
    }

    /** What a client authenticating as {@code user} with SCRAM-SHA-512 over TLS needs besides {@code bootstrap.servers}. */
    public Map<String, String> clientSettings(String user, String password) {
        Map<String, String> settings = trusting();
        settings.put("sasl.mechanism", SCRAM);
        settings.put("sasl.jaas.config", jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user, password, ""));
        return settings;
    }

    /** The super user's settings for the {@value #ADMIN_LISTENER} listener. */
    Map<String, String> adminSettings() {
        Map<String, String> settings = trusting();
        settings.put("sasl.mechanism", "PLAIN");
        settings.put("sasl.jaas.config", plainJaas());
        return settings;
    }

    private Map<String, String> trusting() {
        Map<String, String> settings = new HashMap<>();
        settings.put("security.protocol", "SASL_SSL");
        settings.put("ssl.truststore.type", "PEM");
        settings.put("ssl.truststore.location", certificate.toAbsolutePath().toString());
        return settings;
    }

    /**
     * The broker's own settings. PLAIN, not SCRAM, for its own traffic: SCRAM credentials live in the
     * cluster's metadata, which the controller must serve before anyone can log in with them.
     *
     * @param clientListeners the listeners clients use (loopback and network ones), all SCRAM-SHA-512
     */
    void addTo(Properties props, Iterable<String> clientListeners) {
        props.setProperty("inter.broker.listener.name", ADMIN_LISTENER);
        props.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        for (String listener : new String[] {ADMIN_LISTENER, LocalKafkaBrokerConfig.CONTROLLER_LISTENER}) {
            String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
            props.setProperty(prefix + "sasl.enabled.mechanisms", "PLAIN");
            props.setProperty(prefix + "plain.sasl.jaas.config", plainJaas());
        }
        for (String listener : clientListeners) {
            String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
            props.setProperty(prefix + "sasl.enabled.mechanisms", SCRAM);
            props.setProperty(prefix + SCRAM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        props.setProperty("ssl.keystore.type", "PKCS12");
        props.setProperty("ssl.keystore.location", keystore.toAbsolutePath().toString());
        props.setProperty("ssl.keystore.password", keystorePassword);
        props.setProperty("ssl.key.password", keystorePassword);
        props.setProperty("ssl.truststore.type", "PEM");
        props.setProperty("ssl.truststore.location", certificate.toAbsolutePath().toString());
        props.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.setProperty("super.users", "User:" + ADMIN);
        props.setProperty("allow.everyone.if.no.acl.found", "false");
    }

    /** The broker checks PLAIN logins against the {@code user_<name>} entries and logs in itself with username and password. */
    private String plainJaas() {
        return jaas("org.apache.kafka.common.security.plain.PlainLoginModule", ADMIN, adminPassword,
                " user_" + ADMIN + "=\"" + adminPassword + "\"");
    }

    private static String jaas(String module, String user, String password, String more) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\"" + more + ";";
    }

    /** Keeps the passwords out of logs. */
    @Override
    public String toString() {
        return "BrokerSecurity[adminPort=" + adminPort + ", keystore=" + keystore + ", certificate=" + certificate + "]";
    }
}
