package org.bluelight.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** HTTP basic credentials for the schema registry. */
public record BasicAuth(String username, String password) {

    public BasicAuth {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.contains(":")) {
            throw new IllegalArgumentException("A basic-auth user name cannot contain ':'");
        }
    }

    /** Parses Confluent's {@code basic.auth.user.info} form, {@code user:password}. */
    public static BasicAuth parse(String userInfo) {
        Objects.requireNonNull(userInfo, "userInfo");
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Expected basic-auth user info as user:password");
        }
        return new BasicAuth(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** The value of the {@code Authorization} header. */
    public String headerValue() {
        byte[] token = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(token);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "BasicAuth[username=" + username + ", password=***]";
    }
}
