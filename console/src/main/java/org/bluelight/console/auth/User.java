package org.bluelight.console.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/** A console login: a user name (also the pseudonymous dispatcher id on assignments), role and password hash. */
public record User(String name, Role role, PasswordHash password) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public User {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(password, "password");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name is 1-64 letters, digits, '.', '_' or '-': '" + name + "'");
        }
    }
}
