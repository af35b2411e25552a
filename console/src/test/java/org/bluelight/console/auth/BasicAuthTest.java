package org.bluelight.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicAuthTest {

    @TempDir
    Path dir;

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAUsersPasswordAgainAndAgainAndRefusesAnythingElse() {
        Path file = dir.resolve("users.properties");
        UserFile.write(file, new User("prometheus", Role.MONITOR, PasswordHash.of("scrape-secret".toCharArray(), 1_000)));
        BasicAuth auth = new BasicAuth(UserFile.read(file));

        assertThat(auth.authenticate(basic("prometheus", "scrape-secret"))).map(User::role).contains(Role.MONITOR);
        assertThat(auth.authenticate(basic("prometheus", "scrape-secret"))).as("remembered").isPresent();
        assertThat(auth.authenticate("basic " + basic("prometheus", "scrape-secret").substring(6))).isPresent();
        assertThat(auth.authenticate(basic("prometheus", "wrong"))).as("after a good one").isEmpty();
        assertThat(auth.authenticate(basic("nobody", "scrape-secret"))).isEmpty();
        assertThat(auth.authenticate("Bearer abc")).isEmpty();
        assertThat(auth.authenticate("Basic !!!")).isEmpty();
        assertThat(auth.authenticate("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()))).isEmpty();
        assertThat(auth.authenticate(null)).isEmpty();
    }
}
