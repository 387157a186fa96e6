package io.edgefleet.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    // A small count keeps the test fast; the production count is checked separately.
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", stored)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", stored)).isFalse();
    }

    @Test
    void equalPasswordsGetDifferentSalts() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void storedFormNamesAlgorithmAndIterations() {
        assertThat(hasher.hash("x")).startsWith("pbkdf2-sha256$1000$");
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(210_000);
    }

    @Test
    void hashesOfOtherIterationCountsStillVerify() {
        String stored = new PasswordHasher(2000).hash("pw");

        assertThat(hasher.verify("pw", stored)).isTrue();
    }

    @Test
    void malformedStoredValuesNeverVerify() {
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", "plain-text")).isFalse();
        assertThat(hasher.verify("pw", "pbkdf2-sha256$abc$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("pw", "pbkdf2-sha256$1000$!!$AAAA")).isFalse();
        assertThat(hasher.verify("pw", "md5$1$a$b")).isFalse();
    }
}
