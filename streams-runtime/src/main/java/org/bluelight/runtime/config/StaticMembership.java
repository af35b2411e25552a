package org.bluelight.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Static group membership ({@code group.instance.id}) for an app instance, named once and kept in its
 * state directory. A hard-killed instance restarted on the same state directory rejoins as the same
 * member, so the group hands it its tasks at once instead of waiting out the dead member's session
 * timeout first (a rebalance that cannot finish until the old member is gone). Kafka Streams adds
 * each stream thread's index to it. A clean close still leaves the group (see
 * {@link org.bluelight.runtime.StreamsApp#close()}), so a partner takes over a stopped instance's
 * work at once.
 */
public final class StaticMembership {

    private StaticMembership() {
    }

    /**
     * Adds {@code group.instance.id} ({@code <application.id>-<a UUID kept in the state directory>})
     * unless the settings already name one.
     */
    public static Properties addTo(Properties streamsProperties, Path stateDir, String applicationId) {
        if (streamsProperties.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                || streamsProperties.containsKey(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
                || streamsProperties.containsKey(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))) {
            return streamsProperties;
        }
        streamsProperties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, applicationId + "-" + instanceId(stateDir, applicationId));
        return streamsProperties;
    }

    /** The id kept in {@code <state.dir>/<application.id>.member}, made on first use. */
    static String instanceId(Path stateDir, String applicationId) {
        Path file = stateDir.resolve(applicationId + ".member");
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String made = UUID.randomUUID().toString();
            Files.createDirectories(stateDir);
            Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), made, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the group member id in " + file, e);
        }
    }
}
