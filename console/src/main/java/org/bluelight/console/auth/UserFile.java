package org.bluelight.console.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The console's users, one per line of a properties file: {@code name = role:pbkdf2-sha256$...}.
 * Read once at start; {@code bluelight console add-user} writes it.
 */
public final class UserFile {

    private final Map<String, User> users;

    private UserFile(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    /** The users of {@code file}; none when it does not exist. */
    public static UserFile read(Path file) {
        if (!Files.exists(file)) {
            return new UserFile(Map.of());
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the user file " + file, e);
        }
        Map<String, User> users = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            String entry = properties.getProperty(name).trim();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("User " + name + " in " + file + ": expected role:hash");
            }
            users.put(name, new User(name, Role.parse(entry.substring(0, colon)), PasswordHash.parse(entry.substring(colon + 1))));
        }
        return new UserFile(users);
    }

    /** Adds or replaces {@code user} in {@code file}, written atomically. */
    public static void write(Path file, User user) {
        Map<String, User> all = new TreeMap<>(read(file).users);
        all.put(user.name(), user);
        Properties properties = new Properties();
        all.values().forEach(u -> properties.setProperty(u.name(), u.role().id() + ":" + u.password().encoded()));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".users", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "Bluelight console users: name = role:password hash (bluelight console add-user)");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the user file " + file, e);
        }
    }

    /** The user when {@code password} is theirs. */
    public Optional<User> authenticate(String name, char[] password) {
        User user = users.get(name);
        if (user == null) {
            // Hash anyway, so a wrong name takes as long as a wrong password.
            PasswordHash.of(password, PasswordHash.DEFAULT_ITERATIONS).matches(password);
            return Optional.empty();
        }
        return user.password().matches(password) ? Optional.of(user) : Optional.empty();
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public int size() {
        return users.size();
    }
}
