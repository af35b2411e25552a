package org.bluelight.ops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void startsInOrderAndStopsInReverseOrder() {
        LocalStack stack = new LocalStack(List.of(service("broker", false), service("registry", false), service("topics", false)),
                line -> { });

        stack.start();
        stack.close();

        assertThat(events).containsExactly("start broker", "start registry", "start topics",
                "stop topics", "stop registry", "stop broker");
    }

    @Test
    void aFailedStartStopsWhatAlreadyRunsAndNamesTheService() {
        LocalStack stack = new LocalStack(List.of(service("broker", false), service("registry", true), service("topics", false)),
                line -> { });

        assertThatThrownBy(stack::start)
                .isInstanceOf(LocalStackException.class)
                .hasMessage("registry failed to start: registry broke");
        assertThat(events).containsExactly("start broker", "start registry", "stop broker");
    }

    @Test
    void closingTwiceStopsEachServiceOnce() {
        LocalStack stack = new LocalStack(List.of(service("broker", false)), line -> { });
        stack.start();

        stack.close();
        stack.close();

        assertThat(events).containsExactly("start broker", "stop broker");
    }

    @Test
    void summaryListsServicesInStartOrder() {
        LocalStack stack = new LocalStack(List.of(service("broker", false), service("registry", false)), line -> { });

        assertThat(stack.summary()).containsExactly("broker at here", "registry at here");
    }

    private LocalService service(String name, boolean failsToStart) {
        return new LocalService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                events.add("start " + name);
                if (failsToStart) {
                    throw new IllegalStateException(name + " broke");
                }
            }

            @Override
            public List<String> summary() {
                return List.of(name + " at here");
            }

            @Override
            public void close() {
                events.add("stop " + name);
            }
        };
    }
}
