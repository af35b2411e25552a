package org.bluelight.ops.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The secured stack's passwords: one per {@link Account} and the broker keystore's. Made at random
 * on the first start and kept in {@code passwords.properties} (readable by its owner only) in the
 * data dir's {@code security} folder; {@code BLUELIGHT_PASSWORD_<ACCOUNT>} in the environment (say
 * {@code BLUELIGHT_PASSWORD_DISPATCH}) overrides an account's. Never in the repository.
 */
public final class Passwords {

    static final String FILE_NAME = "passwords.properties";
    static final String KEYSTORE = "keystore";
    private static final String ENV_PREFIX = "BLUELIGHT_PASSWORD_";

    private final Map<Account, String> accounts;
    private final String keystore;

    private Passwords(Map<Account, String> accounts, String keystore) {
        this.accounts = Map.copyOf(accounts);
        this.keystore = keystore;
    }

    /** Reads {@code dir/passwords.properties}, adding a random password for anything it lacks, then applies the environment. */
    public static Passwords load(Path dir, Map<String, String> environment) {
        Path file = dir.resolve(FILE_NAME);
        Properties stored = new Properties();
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(reader);
                }
            }
            boolean added = false;
            for (String key : keys()) {
                if (stored.getProperty(key, "").isBlank()) {
                    stored.setProperty(key, random());
                    added = true;
                }
            }
            if (added) {
                write(file, stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the stack's passwords in " + file, e);
        }
        Map<Account, String> accounts = new EnumMap<>(Account.class);
        for (Account account : Account.values()) {
            String variable = ENV_PREFIX + account.name();
            String password = environment.getOrDefault(variable, stored.getProperty(account.user())).trim();
            accounts.put(account, requireUsable(password, environment.containsKey(variable) ? variable : file.toString()));
        }
        return new Passwords(accounts, requireUsable(stored.getProperty(KEYSTORE).trim(), file.toString()));
    }

    public String of(Account account) {
        return accounts.get(account);
    }

    String keystore() {
        return keystore;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Account account : Account.values()) {
            keys.add(account.user());
        }
        keys.add(KEYSTORE);
        return keys;
    }

    /** 128 random bits. */
    private static String random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A password goes into a JAAS line between double quotes: it cannot hold a quote or a backslash. */
    private static String requireUsable(String password, String origin) {
        if (password.isEmpty() || password.contains("\"") || password.contains("\\")) {
            throw new IllegalArgumentException("A password from " + origin + " is empty or holds \" or \\");
        }
        return password;
    }

    private static void write(Path file, Properties passwords) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            passwords.store(writer, "Bluelight's secured stack: one password per account (BLUELIGHT_PASSWORD_DISPATCH"
                    + " and so on override them). Keep this file secret.");
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
