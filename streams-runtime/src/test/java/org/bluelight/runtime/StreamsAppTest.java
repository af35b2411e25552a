package org.bluelight.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A StreamsApp that is built but not started needs no broker and holds no port. */
class StreamsAppTest {

    @TempDir
    Path stateDir;

    @Test
    void anAppThatNeverStartedClosesCleanlyAndOnlyOnce() {
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "bootstrap.servers", "127.0.0.1:1", "state.dir", stateDir.toString())), "not-started", 0);
        StreamsApp app = new StreamsApp(config, context -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("cad.incidents", Consumed.with(Serdes.String(), Serdes.String())).to("dispatch.backlog");
            return builder.build();
        });

        assertThat(app.state()).isEqualTo(KafkaStreams.State.CREATED);
        assertThat(app.deadLetterTopics()).containsExactly("cad.incidents.dlq");
        assertThatThrownBy(app::httpPort).isInstanceOf(IllegalStateException.class);

        app.close();
        app.close();

        assertThat(app.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
