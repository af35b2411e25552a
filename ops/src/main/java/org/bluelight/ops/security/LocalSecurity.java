package org.bluelight.ops.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluelight.ops.kafka.BrokerSecurity;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.registry.access.RegistryUser;
import org.bluelight.registry.access.RegistryUsers;
import org.bluelight.schemas.registry.BasicAuth;

/**
 * A secured stack's secrets in {@code <data-dir>/security}, made on the first start and kept: the
 * broker's key and certificate and every account's password (see {@link Passwords}). From them come
 * the broker's settings, each client's settings and the registry's users.
 */
public final class LocalSecurity {

    /** The folder of the data dir holding the secrets. */
    public static final String DIR_NAME = "security";

    private final Path dir;
    private final Passwords passwords;
    private final BrokerSecurity broker;

    private LocalSecurity(Path dir, Passwords passwords, BrokerSecurity broker) {
        this.dir = dir;
        this.passwords = passwords;
        this.broker = broker;
    }

    /**
     * Reads the secrets of {@code dataDir}, making what is missing.
     *
     * @param adminPort the broker's loopback listener for itself and admin tools
     * @param hostNames names clients reach the broker by besides 127.0.0.1 and localhost (say {@code kafka} in a compose network)
     * @param environment where {@code BLUELIGHT_PASSWORD_<ACCOUNT>} overrides come from
     */
    public static LocalSecurity prepare(Path dataDir, int adminPort, List<String> hostNames, Map<String, String> environment) {
        Path dir = dataDir.resolve(DIR_NAME).toAbsolutePath();
        Passwords passwords = Passwords.load(dir, environment);
        ownerOnly(dir);
        List<String> names = new ArrayList<>(List.of(LocalKafkaBrokerConfig.HOST, "localhost"));
        names.addAll(hostNames);
        BrokerCertificate.ensure(dir, passwords.keystore(), names);
        return new LocalSecurity(dir, passwords, new BrokerSecurity(adminPort, dir.resolve(BrokerCertificate.KEYSTORE),
                passwords.keystore(), dir.resolve(BrokerCertificate.CERTIFICATE), passwords.of(Account.ADMIN)));
    }

    /** The folder holds the key and the passwords: only its owner may enter it. */
    private static void ownerOnly(Path dir) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make " + dir + " private to its owner", e);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public BrokerSecurity broker() {
        return broker;
    }

    /** {@code security.protocol}, {@code sasl.*} and {@code ssl.*} for a Kafka client of {@code account}. */
    public Map<String, String> clientSettings(Account account) {
        return broker.clientSettings(account.user(), passwords.of(account));
    }

    public String password(Account account) {
        return passwords.of(account);
    }

    /** {@code account}'s schema registry login. */
    public BasicAuth registryLogin(Account account) {
        return new BasicAuth(account.user(), passwords.of(account));
    }

    /** Every account with a registry role, as the registry's users. */
    public RegistryUsers registryUsers() {
        List<RegistryUser> users = new ArrayList<>();
        for (Account account : Account.values()) {
            if (account.registryRole() != null) {
                users.add(new RegistryUser(account.user(), passwords.of(account), account.registryRole()));
            }
        }
        return RegistryUsers.of(users);
    }
}
