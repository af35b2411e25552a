package org.bluelight.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordsTest {

    @TempDir
    Path dir;

    @Test
    void madeOnceAtRandomAndKeptReadableByTheOwnerOnly() throws Exception {
        Passwords first = Passwords.load(dir, Map.of());
        Passwords second = Passwords.load(dir, Map.of());

        assertThat(first.of(Account.DISPATCH)).hasSize(32).isEqualTo(second.of(Account.DISPATCH)).isNotEqualTo(first.of(Account.CAD));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(Passwords.FILE_NAME)))).isEqualTo("rw-------");
    }

    @Test
    void theEnvironmentOverridesAnAccountsPassword() {
        Passwords passwords = Passwords.load(dir, Map.of("BLUELIGHT_PASSWORD_METRICS", "from-the-vault"));

        assertThat(passwords.of(Account.METRICS)).isEqualTo("from-the-vault");
        assertThat(Passwords.load(dir, Map.of()).of(Account.METRICS)).as("the file keeps its own").isNotEqualTo("from-the-vault");
    }

    @Test
    void aPasswordThatWouldBreakTheJaasLineIsRefused() {
        assertThatThrownBy(() -> Passwords.load(dir, Map.of("BLUELIGHT_PASSWORD_CAD", "a\"b")))
                .hasMessageContaining("BLUELIGHT_PASSWORD_CAD");
    }
}
