package org.bluelight.console.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Logged-in browsers, held by the browsers themselves: the session cookie names the user and
 * when the session expires, signed with HMAC-SHA256 under the instances' shared secret. Any
 * console instance with the same secret accepts it, so a load balancer needs no sticky sessions.
 * A session ends after {@code idleTimeout} without requests: each request more than a minute
 * after the cookie was signed gets a fresh one. The user is looked up in the user file on every
 * request, so a removed user is out at once.
 *
 * <p>Logging out deletes the browser's cookie; a copy taken before stays valid until it expires.
 * Changing the secret ends every session.
 */
public final class Sessions {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Duration RENEW_AFTER = Duration.ofMinutes(1);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final UserFile users;
    private final Duration idleTimeout;
    private final Clock clock;

    public Sessions(byte[] secret, UserFile users, Duration idleTimeout, Clock clock) {
        if (secret.length < SessionSecret.MIN_BYTES) {
            throw new IllegalArgumentException("The session secret must have at least " + SessionSecret.MIN_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.users = users;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /**
     * A logged-in user.
     *
     * @param token     the cookie value that carries the session, renewed when it has aged
     * @param expiresAt when it ends unless used again
     */
    public record Session(String token, User user, Instant expiresAt) {
    }

    public Session open(User user) {
        return sign(user, clock.instant().plus(idleTimeout));
    }

    /** The session {@code token} carries when its signature is good, it has not expired and its user still exists. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = UNBASE64.decode(token.substring(0, dot));
            signature = UNBASE64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length < Long.BYTES + 1 || !MessageDigest.isEqual(signature, mac(payload))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        Instant expiresAt = Instant.ofEpochMilli(buffer.getLong());
        String name = StandardCharsets.UTF_8.decode(buffer).toString();
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        Optional<User> user = users.user(name);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Instant signedAt = expiresAt.minus(idleTimeout);
        return Optional.of(now.isAfter(signedAt.plus(RENEW_AFTER)) ? sign(user.get(), now.plus(idleTimeout))
                : new Session(token, user.get(), expiresAt));
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private Session sign(User user, Instant expiresAt) {
        byte[] name = user.name().getBytes(StandardCharsets.UTF_8);
        byte[] payload = ByteBuffer.allocate(Long.BYTES + name.length).putLong(expiresAt.toEpochMilli()).put(name).array();
        return new Session(BASE64.encodeToString(payload) + "." + BASE64.encodeToString(mac(payload)), user, expiresAt);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no " + ALGORITHM, e);
        }
    }
}
