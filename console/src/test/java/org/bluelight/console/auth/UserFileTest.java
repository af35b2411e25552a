package org.bluelight.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFileTest {

    @TempDir
    Path dir;

    @Test
    void addedUsersLogInWithTheirPasswordAndRoleAndTheFileHoldsNoPassword() throws Exception {
        Path file = dir.resolve("users.properties");
        UserFile.write(file, new User("alice", Role.DISPATCHER, PasswordHash.of("alice-pass".toCharArray(), 1_000)));
        UserFile.write(file, new User("sam", Role.SUPERVISOR, PasswordHash.of("sam-pass-1".toCharArray(), 1_000)));

        UserFile users = UserFile.read(file);
        assertThat(users.size()).isEqualTo(2);
        assertThat(users.authenticate("alice", "alice-pass".toCharArray())).map(User::role).contains(Role.DISPATCHER);
        assertThat(users.authenticate("sam", "sam-pass-1".toCharArray())).map(User::role).contains(Role.SUPERVISOR);
        assertThat(users.authenticate("alice", "sam-pass-1".toCharArray())).isEmpty();
        assertThat(users.authenticate("nobody", "alice-pass".toCharArray())).isEmpty();
        assertThat(Files.readString(file)).contains("alice=dispatcher\\:pbkdf2-sha256$").doesNotContain("alice-pass");
    }

    @Test
    void addingAUserAgainReplacesTheirPassword() {
        Path file = dir.resolve("users.properties");
        UserFile.write(file, new User("alice", Role.DISPATCHER, PasswordHash.of("old-password".toCharArray(), 1_000)));
        UserFile.write(file, new User("alice", Role.ANALYST, PasswordHash.of("new-password".toCharArray(), 1_000)));

        UserFile users = UserFile.read(file);
        assertThat(users.size()).isEqualTo(1);
        assertThat(users.authenticate("alice", "old-password".toCharArray())).isEmpty();
        assertThat(users.authenticate("alice", "new-password".toCharArray())).map(User::role).contains(Role.ANALYST);
    }

    @Test
    void aMissingFileHasNoUsersAndABadRoleIsNamed() throws Exception {
        assertThat(UserFile.read(dir.resolve("absent")).size()).isZero();
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "eve=admin:" + PasswordHash.of("whatever1".toCharArray(), 1_000).encoded() + "\n");
        assertThatThrownBy(() -> UserFile.read(file)).hasMessageContaining("Unknown role 'admin'");
    }

    @Test
    void onlyDispatchersAndSupervisorsMayAssign() {
        assertThat(Role.DISPATCHER.mayAssign()).isTrue();
        assertThat(Role.SUPERVISOR.mayAssign()).isTrue();
        assertThat(Role.ANALYST.mayAssign()).isFalse();
    }
}
