package org.bluelight.ops.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bluelight.ops.security.LocalSecurity;
import picocli.CommandLine.Option;

/** Whether a broker (alone or in the local stack) is secured, and its admin listener. */
public final class SecurityOptions {

    @Option(names = "--secure",
            description = {"SASL/SCRAM-SHA-512 over TLS, an account per part, the ACL table (and registry logins in the",
                "local stack). Key, certificate and passwords are made at first start in DIR/security;",
                "BLUELIGHT_PASSWORD_<ACCOUNT> overrides a password."})
    private boolean secure;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "9094",
            description = "With --secure: the broker's loopback listener for itself and admin tools (default: ${DEFAULT-VALUE}).")
    private int adminPort;

    /**
     * The secrets of {@code dataDir}, made if missing, when {@code --secure} is given.
     *
     * @param hostNames names clients reach the broker by, besides 127.0.0.1 and localhost
     */
    public Optional<LocalSecurity> prepare(Path dataDir, List<String> hostNames) {
        return secure ? Optional.of(LocalSecurity.prepare(dataDir, adminPort, hostNames, System.getenv())) : Optional.empty();
    }
}
