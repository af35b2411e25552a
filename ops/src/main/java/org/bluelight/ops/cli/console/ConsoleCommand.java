package org.bluelight.ops.cli.console;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bluelight.console.ConsoleApp;
import org.bluelight.console.ConsoleConfig;
import org.bluelight.console.auth.PasswordHash;
import org.bluelight.console.auth.Role;
import org.bluelight.console.auth.User;
import org.bluelight.console.auth.UserFile;
import org.bluelight.runtime.config.ConfigSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bluelight console run [FILE]} serves the dispatch console against any cluster;
 * {@code bluelight console add-user} adds a login to its user file.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "The dispatch console: run it, or add a user to its user file.",
        subcommands = {ConsoleCommand.Run.class, ConsoleCommand.AddUser.class})
public final class ConsoleCommand {

    @Command(name = "run", description = "Serves the console (configured by FILE and BLUELIGHT_* variables).")
    static final class Run implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Properties file.")
        private String file;

        @Override
        public Integer call() throws InterruptedException {
            ConsoleConfig config = ConsoleConfig.from(ConfigSource.forMain(file == null ? new String[0] : new String[] {file}));
            try (ConsoleApp app = ConsoleApp.open(config)) {
                app.run();
            }
            return 0;
        }
    }

    @Command(name = "add-user", description = "Adds (or replaces) a console login. The password is read from the "
            + "terminal, or from standard input when there is no terminal.")
    static final class AddUser implements Callable<Integer> {
        @Option(names = "--file", defaultValue = "console-users.properties", description = "User file (default: ${DEFAULT-VALUE}).")
        private Path file;

        @Option(names = "--user", required = true, description = "User name; also the dispatcher id on assignments.")
        private String name;

        @Option(names = "--role", required = true, description = "dispatcher, supervisor, analyst, or monitor (/health and /metrics only, with HTTP Basic).")
        private String role;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword();
            if (password.length < 8) {
                System.err.println("console add-user: the password must have at least 8 characters");
                return 2;
            }
            User user = new User(name, Role.parse(role), PasswordHash.of(password, PasswordHash.DEFAULT_ITERATIONS));
            UserFile.write(file, user);
            System.out.println("Added " + user.name() + " (" + user.role().id() + ") to " + file.toAbsolutePath());
            return 0;
        }

        private static char[] readPassword() throws IOException {
            Console terminal = System.console();
            if (terminal != null) {
                return Optional.ofNullable(terminal.readPassword("Password: ")).orElse(new char[0]);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }
}
