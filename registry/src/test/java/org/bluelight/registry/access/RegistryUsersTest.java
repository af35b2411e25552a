package org.bluelight.registry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryUsersTest {

    @TempDir
    Path dir;

    private final RegistryUsers users = RegistryUsers.of(List.of(
            new RegistryUser("cad", "s3cret", RegistryRole.WRITE), new RegistryUser("analyst", "look", RegistryRole.READ)));

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRightPasswordNamesTheUserAndItsRole() {
        assertThat(users.authenticate(basic("cad:s3cret"))).hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(RegistryRole.WRITE));
        assertThat(users.authenticate(basic("analyst:look"))).hasValueSatisfying(user -> assertThat(user.name()).isEqualTo("analyst"));
    }

    @Test
    void aWrongPasswordAnUnknownUserOrAMalformedHeaderNamesNoOne() {
        assertThat(users.authenticate(basic("cad:wrong"))).isEmpty();
        assertThat(users.authenticate(basic("nobody:s3cret"))).isEmpty();
        assertThat(users.authenticate(basic("cad"))).isEmpty();
        assertThat(users.authenticate("Basic %%%")).isEmpty();
        assertThat(users.authenticate("Bearer abc")).isEmpty();
        assertThat(users.authenticate(null)).isEmpty();
    }

    @Test
    void aUsersFileGivesEachNameARoleAndAPassword() throws Exception {
        Path file = dir.resolve("registry-users.properties");
        Files.writeString(file, "cad = write:s3:cret\nanalyst = read:look\n");

        RegistryUsers read = RegistryUsers.read(file);

        assertThat(read.authenticate(basic("cad:s3:cret"))).hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(RegistryRole.WRITE));
        assertThat(read.authenticate(basic("analyst:look"))).hasValueSatisfying(user -> assertThat(user.role()).isEqualTo(RegistryRole.READ));
        assertThat(read.isOpen()).isFalse();
    }

    @Test
    void aUsersFileWithAnUnknownRoleIsRefusedWithItsReason() throws Exception {
        Path file = dir.resolve("registry-users.properties");
        Files.writeString(file, "cad = admin:s3cret\n");

        assertThatThrownBy(() -> RegistryUsers.read(file)).hasMessageContaining("cad").hasMessageContaining("read or write");
    }

    @Test
    void noUsersIsAnOpenRegistry() {
        assertThat(RegistryUsers.open().isOpen()).isTrue();
        assertThat(users.isOpen()).isFalse();
    }
}
