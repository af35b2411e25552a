package org.bluelight.console.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browsers: a random token (the session cookie) per login, expiring after a period
 * without requests. Sessions live in one instance's memory: behind a load balancer, use sticky
 * sessions or log in again on another instance.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    public Sessions(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** A logged-in user. */
    public record Session(String token, User user, Instant lastSeen) {
    }

    public Session open(User user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(token, user, clock.instant());
        remember(session);
        return session;
    }

    /** The live session of {@code token}, its idle timer restarted. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session session = byToken.get(token);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastSeen().plus(idleTimeout).isBefore(now)) {
            byToken.remove(token);
            return Optional.empty();
        }
        Session touched = new Session(token, session.user(), now);
        remember(touched);
        return Optional.of(touched);
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private void remember(Session session) {
        byToken.put(session.token(), session);
    }
}
