package org.bluelight.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void matchesOnlyThePasswordItHashed() {
        PasswordHash hash = PasswordHash.of("correct horse".toCharArray(), 1_000);
        assertThat(hash.matches("correct horse".toCharArray())).isTrue();
        assertThat(hash.matches("correct hors".toCharArray())).isFalse();
        assertThat(hash.matches("".toCharArray())).isFalse();
    }

    @Test
    void everyHashHasItsOwnSaltSoEqualPasswordsHashDifferently() {
        PasswordHash first = PasswordHash.of("same password".toCharArray(), 1_000);
        PasswordHash second = PasswordHash.of("same password".toCharArray(), 1_000);
        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void encodedFormReadsBackAndNeverShowsTheHashInToString() {
        PasswordHash hash = PasswordHash.of("s3cret-pass".toCharArray(), 2_000);
        PasswordHash read = PasswordHash.parse(hash.encoded());
        assertThat(hash.encoded()).startsWith("pbkdf2-sha256$2000$");
        assertThat(read.iterations()).isEqualTo(2_000);
        assertThat(read.matches("s3cret-pass".toCharArray())).isTrue();
        assertThat(hash.toString()).doesNotContain(hash.encoded().substring(20));
    }

    @Test
    void refusesTextThatIsNotOurScheme() {
        assertThatThrownBy(() -> PasswordHash.parse("plain:password")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pbkdf2-sha256");
    }
}
