package org.bluelight.console;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.bluelight.console.auth.SessionSecret;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.HttpSettings;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.schemas.registry.RegistryClientConfig;

/**
 * The console's configuration, from the same properties file and {@code BLUELIGHT_*} environment
 * as the streams apps ({@link ConfigSource}); the Kafka, registry and HTTP keys mean what they
 * mean for the apps ({@code bootstrap.servers}, {@code schema.registry.url}, {@code http.host},
 * {@code http.port}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}).
 *
 * <pre>
 * http.port                       8093
 * console.users.file              console-users.properties
 * console.instance.id             console-&lt;http.port&gt;      (client ids; give each instance its own)
 * routing.osm.file                ops/maps/andorra.osm.pbf   (the map; none drawn when unreadable)
 * routing.graph.dir               &lt;java.io.tmpdir&gt;/bluelight-graphs
 * console.history.ms              604800000 (7 days of incidents, assignments, recommendations, statuses)
 * console.positions.history.ms    900000 (15 minutes of telematics)
 * console.session.idle.ms         43200000 (12 hours)
 * console.session.secret          (none)   the key that signs session cookies, at least 32 bytes; or
 * console.session.secret.file     console-session.key beside the users file (made with a random key when missing)
 *                                 Every instance behind one load balancer needs the same key.
 * console.push.interval.ms        250
 * </pre>
 */
public record ConsoleConfig(
        String bootstrapServers,
        Map<String, String> clientSecurity,
        RegistryClientConfig registry,
        HttpSettings http,
        Path usersFile,
        String instanceId,
        Path osmFile,
        Path graphCacheDir,
        Duration history,
        Duration positionHistory,
        Duration sessionIdle,
        SessionSecret sessionSecret,
        Duration pushInterval) {

    public static final String APPLICATION_ID = "bluelight-console";
    public static final int HTTP_PORT = 8093;

    public ConsoleConfig {
        clientSecurity = Map.copyOf(clientSecurity);
    }

    public static ConsoleConfig from(ConfigSource source) {
        StreamsAppConfig shared = StreamsAppConfig.from(source, APPLICATION_ID, HTTP_PORT);
        Path usersFile = source.path("console.users.file", Path.of("console-users.properties"));
        return new ConsoleConfig(
                shared.bootstrapServers(),
                shared.clientSecurity(),
                shared.registry(),
                shared.http(),
                usersFile,
                source.string("console.instance.id", "console-" + shared.http().port()),
                source.path("routing.osm.file", Path.of("ops/maps/andorra.osm.pbf")),
                source.path("routing.graph.dir", Path.of(System.getProperty("java.io.tmpdir"), "bluelight-graphs")),
                source.millis("console.history.ms", Duration.ofDays(7)),
                source.millis("console.positions.history.ms", Duration.ofMinutes(15)),
                source.millis("console.session.idle.ms", Duration.ofHours(12)),
                source.optionalString("console.session.secret").map(SessionSecret::text).orElseGet(() ->
                        SessionSecret.file(source.path("console.session.secret.file", usersFile.toAbsolutePath().resolveSibling("console-session.key")))),
                source.millis("console.push.interval.ms", Duration.ofMillis(250)));
    }

    /** What every Kafka client of the console is given: the brokers, security and a client id. */
    public Map<String, Object> clientSettings(String role) {
        Map<String, Object> settings = new HashMap<>(clientSecurity);
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("client.id", instanceId + "-" + role);
        return settings;
    }
}
