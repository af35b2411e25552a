package org.bluelight.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic credentials for {@code /health} and {@code /metrics}, which load balancers and
 * Prometheus call without a browser session. A password is checked against the user file's
 * PBKDF2 hash once; after that a SHA-256 of the last good password per user is remembered, so a
 * scrape every few seconds costs one hash, not 600,000 iterations.
 */
public final class BasicAuth {

    private static final String PREFIX = "Basic ";

    private final UserFile users;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    public BasicAuth(UserFile users) {
        this.users = users;
    }

    /** The user an {@code Authorization} header names, when its password is theirs. */
    public Optional<User> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(PREFIX.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        Optional<User> user = users.user(name);
        byte[] digest = sha256(password);
        byte[] known = verified.get(name);
        if (user.isPresent() && known != null && MessageDigest.isEqual(known, digest)) {
            return user;
        }
        Optional<User> checked = users.authenticate(name, password.toCharArray());
        checked.ifPresent(u -> verified.put(u.name(), digest));
        return checked;
    }

    private static byte[] sha256(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
