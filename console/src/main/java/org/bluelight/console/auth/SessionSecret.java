package org.bluelight.console.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the key that signs session cookies comes from: given as text ({@code console.session.secret},
 * e.g. {@code BLUELIGHT_CONSOLE_SESSION_SECRET}), or kept in a file ({@code console.session.secret.file})
 * that is made with a random key, readable by its owner only, when it does not exist. Every
 * console instance behind one load balancer must have the same key; it is never in the repository.
 */
public final class SessionSecret {

    /** HMAC-SHA256 wants a key at least as long as its output. */
    public static final int MIN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final Path file;

    private SessionSecret(String text, Path file) {
        this.text = text;
        this.file = file;
    }

    public static SessionSecret text(String secret) {
        if (Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalArgumentException("console.session.secret must have at least " + MIN_BYTES + " bytes");
        }
        return new SessionSecret(secret, null);
    }

    public static SessionSecret file(Path file) {
        return new SessionSecret(null, Objects.requireNonNull(file, "file"));
    }

    /** The key, made and written to the file first when the file does not exist. */
    public byte[] key() {
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (!Files.exists(file)) {
                create();
            }
            byte[] key = Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_BYTES) {
                throw new IllegalArgumentException("The session secret in " + file + " is shorter than " + MIN_BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the session secret " + file, e);
        }
    }

    private void create() throws IOException {
        byte[] random = new byte[MIN_BYTES];
        RANDOM.nextBytes(random);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".session", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's access list applies.
        }
        Files.writeString(temp, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.UTF_8);
        try {
            // Two instances starting together on a shared volume: the first one's key wins.
            Files.move(temp, file);
        } catch (FileAlreadyExistsException another) {
            Files.delete(temp);
        }
    }

    @Override
    public String toString() {
        return text != null ? "SessionSecret[given, ***]" : "SessionSecret[" + file + "]";
    }
}
