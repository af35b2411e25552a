package org.bluelight.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {

    static final byte[] SECRET = "a shared secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);

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

    @TempDir
    Path dir;

    UserFile users(String... names) {
        Path file = dir.resolve("users.properties");
        for (String name : names) {
            UserFile.write(file, new User(name, Role.DISPATCHER, PasswordHash.of("irrelevant".toCharArray(), 1)));
        }
        return UserFile.read(file);
    }

    @Test
    void aSessionLastsWhileUsedAndEndsAfterTheIdleTimeout() {
        MovingClock clock = new MovingClock();
        Sessions sessions = new Sessions(SECRET, users("alice"), Duration.ofMinutes(30), clock);
        String token = sessions.open(users("alice").user("alice").orElseThrow()).token();

        clock.now = clock.now.plus(Duration.ofMinutes(20));
        Sessions.Session used = sessions.find(token).orElseThrow();
        assertThat(used.user().name()).isEqualTo("alice");
        assertThat(used.token()).as("renewed after a minute").isNotEqualTo(token);
        assertThat(used.expiresAt()).isEqualTo(clock.now.plus(Duration.ofMinutes(30)));
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(sessions.find(used.token())).as("20 min after the last request").isPresent();
        assertThat(sessions.find(token)).as("the first cookie, 40 min old").isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(sessions.find(used.token())).as("31 min idle").isEmpty();
    }

    @Test
    void anotherInstanceWithTheSameSecretAcceptsTheCookieAndOneWithAnotherSecretDoesNot() {
        MovingClock clock = new MovingClock();
        UserFile users = users("alice");
        String token = new Sessions(SECRET, users, Duration.ofMinutes(30), clock).open(users.user("alice").orElseThrow()).token();

        assertThat(new Sessions(SECRET.clone(), users, Duration.ofMinutes(30), clock).find(token))
                .map(s -> s.user().name()).contains("alice");
        byte[] other = "another secret, also 32 bytes long".getBytes(StandardCharsets.UTF_8);
        assertThat(new Sessions(other, users, Duration.ofMinutes(30), clock).find(token)).isEmpty();
    }

    @Test
    void forgedTamperedAndUnknownUsersTokensFindNothing() {
        MovingClock clock = new MovingClock();
        UserFile users = users("alice", "bob");
        Sessions sessions = new Sessions(SECRET, users, Duration.ofMinutes(30), clock);
        String token = sessions.open(users.user("alice").orElseThrow()).token();
        String signature = token.substring(token.indexOf('.'));
        String asBob = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.nio.ByteBuffer.allocate(8 + 3).putLong(clock.now.plusSeconds(1800).toEpochMilli()).put("bob".getBytes()).array());

        assertThat(sessions.find(asBob + signature)).as("alice's signature on bob's name").isEmpty();
        assertThat(sessions.find("forged")).isEmpty();
        assertThat(sessions.find("Zm9v.YmFy")).isEmpty();
        assertThat(sessions.find("!!!.???")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        Path bobOnly = dir.resolve("bob-only.properties");
        UserFile.write(bobOnly, users.user("bob").orElseThrow());
        assertThat(new Sessions(SECRET, UserFile.read(bobOnly), Duration.ofMinutes(30), clock).find(token))
                .as("alice is no longer in the user file").isEmpty();
    }

    @Test
    void theSecretFileIsMadeOnceWithARandomKeyOnlyItsOwnerReads() throws Exception {
        Path file = dir.resolve("keys/console-session.key");
        byte[] first = SessionSecret.file(file).key();
        assertThat(first.length).isGreaterThanOrEqualTo(SessionSecret.MIN_BYTES);
        assertThat(SessionSecret.file(file).key()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SessionSecret.file(dir.resolve("other.key")).key()).isNotEqualTo(first);
        assertThat(SessionSecret.file(dir.resolve("keys/console-session.key")).toString()).doesNotContain(new String(first));
        assertThat(SessionSecret.text("a given secret of thirty-two bytes!").toString()).doesNotContain("given secret");
    }
}
