package org.bluelight.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final User alice = new User("alice", Role.DISPATCHER, PasswordHash.of("irrelevant".toCharArray(), 1));

    @Test
    void aSessionLastsWhileUsedAndEndsAfterTheIdleTimeoutOrLogout() {
        MovingClock clock = new MovingClock();
        Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
        String token = sessions.open(alice).token();

        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(sessions.find(token)).map(s -> s.user().name()).contains("alice");
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(sessions.find(token)).as("20 min after the last request").isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(sessions.find(token)).as("31 min idle").isEmpty();

        String second = sessions.open(alice).token();
        sessions.close(second);
        assertThat(sessions.find(second)).isEmpty();
    }

    @Test
    void tokensAreUnguessableAndUnknownTokensFindNothing() {
        Sessions sessions = new Sessions(Duration.ofMinutes(30), new MovingClock());
        String first = sessions.open(alice).token();
        String second = sessions.open(alice).token();
        assertThat(first).isNotEqualTo(second).hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.find("forged")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
