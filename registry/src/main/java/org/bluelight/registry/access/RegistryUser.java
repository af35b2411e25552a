package org.bluelight.registry.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** One account of the registry: a name, its password and its role. */
public record RegistryUser(String name, String password, RegistryRole role) {

    public RegistryUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(role, "role");
        if (name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("A registry user name is not blank and has no ':', got '" + name + "'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("Registry user " + name + " has an empty password");
        }
    }

    /** Compares in constant time, so the answer's timing does not reveal how much of a guess was right. */
    boolean hasPassword(String candidate) {
        return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "RegistryUser[name=" + name + ", role=" + role + "]";
    }
}
