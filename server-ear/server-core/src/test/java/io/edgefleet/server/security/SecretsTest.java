package io.edgefleet.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void enrollmentTokensAreEftAnd32RandomBytes() {
        String token = Secrets.newEnrollmentToken();

        assertThat(token).startsWith("eft_").hasSize(4 + 43).matches("eft_[A-Za-z0-9_-]+");
        assertThat(Secrets.looksLikeEnrollmentToken(token)).isTrue();
        assertThat(Secrets.newEnrollmentToken()).isNotEqualTo(token);
    }

    @Test
    void garbageDoesNotLookLikeAToken() {
        assertThat(Secrets.looksLikeEnrollmentToken("eft_short")).isFalse();
        assertThat(Secrets.looksLikeEnrollmentToken("xyz_" + "A".repeat(43))).isFalse();
        assertThat(Secrets.looksLikeEnrollmentToken("eft_" + "A".repeat(42) + "="))
                .isFalse();
    }

    @Test
    void nodePasswordsAre32RandomBytes() {
        assertThat(Secrets.newNodePassword()).hasSize(43).isNotEqualTo(Secrets.newNodePassword());
    }

    @Test
    void sha256IsLowerCaseHexAndComparable() {
        String hash = Secrets.sha256Hex("abc");

        assertThat(hash).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Secrets.matchesSha256Hex("abc", hash)).isTrue();
        assertThat(Secrets.matchesSha256Hex("abd", hash)).isFalse();
        assertThat(Secrets.matchesSha256Hex("abc", "not-hex")).isFalse();
    }
}
