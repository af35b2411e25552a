package org.bluelight.ops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bluelight.console.ConsoleApp;
import org.bluelight.console.ConsoleConfig;
import org.bluelight.console.auth.PasswordHash;
import org.bluelight.console.auth.Role;
import org.bluelight.console.auth.User;
import org.bluelight.console.auth.UserFile;
import org.bluelight.ops.security.Account;
import org.bluelight.runtime.config.ConfigSource;

/**
 * The dispatch console in the local stack, drawing the map from the stack's road network. On the
 * first start it adds one demo user per role to {@code <data-dir>/console-users.properties} with
 * a random password kept in {@code <data-dir>/console-demo-password}, and prints the login; the key
 * that signs session cookies is made beside the user file ({@code <data-dir>/console-session.key}).
 */
public final class ConsoleService implements LocalService {

    private final LocalStackConfig config;
    private final RoadNetworkService roads;
    private final int port;
    private ConsoleApp console;
    private String demoPassword;

    public ConsoleService(LocalStackConfig config, RoadNetworkService roads, int port) {
        this.config = config;
        this.roads = roads;
        this.port = port;
    }

    @Override
    public String name() {
        return "dispatch console";
    }

    @Override
    public void start() {
        Path users = config.dataDir().resolve("console-users.properties");
        demoPassword = demoUsers(users, config.dataDir().resolve("console-demo-password"));
        Map<String, String> settings = new HashMap<>(config.clientSettings(Account.CONSOLE));
        settings.putAll(Map.of(
                "bootstrap.servers", config.bootstrapServers(),
                "schema.registry.url", config.registryUrl().toString(),
                "http.port", Integer.toString(port),
                "console.users.file", users.toString()));
        console = new ConsoleApp(ConsoleConfig.from(ConfigSource.of(settings)), roads.network());
        try {
            console.start();
        } catch (RuntimeException e) {
            console.close();
            throw e;
        }
    }

    /** The demo users' password, made on the first start. */
    private static String demoPassword(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the console demo password in " + file, e);
        }
    }

    private static String demoUsers(Path users, Path passwordFile) {
        String password = demoPassword(passwordFile);
        UserFile existing = UserFile.read(users);
        for (Role role : Role.values()) {
            if (existing.user(role.id()).isEmpty()) {
                UserFile.write(users, new User(role.id(), role, PasswordHash.of(password.toCharArray(), PasswordHash.DEFAULT_ITERATIONS)));
            }
        }
        return password;
    }

    @Override
    public List<String> summary() {
        return List.of(
                String.format("%-24s http://127.0.0.1:%d/", "Dispatch console:", console.port()),
                String.format("%-24s dispatcher / %s  (also supervisor, analyst; same password)", "Console demo login:", demoPassword),
                String.format("%-24s /health, /metrics with HTTP Basic: monitor / the same password", "Console monitoring:"));
    }

    @Override
    public void close() {
        console.close();
    }
}
