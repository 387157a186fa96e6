package io.edgefleet.server.web.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.server.problem.FleetException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedDigestTest {
    private static final String HEX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String B64 =
            Base64.getEncoder().encodeToString(HexFormat.of().parseHex(HEX));

    @Test
    void queryParameterNamesTheHash() {
        assertThat(ExpectedDigest.of(
                        Optional.of(HEX.toUpperCase()), Optional.empty(), Optional.empty(), Optional.empty()))
                .contains(HEX);
    }

    @Test
    void structuredDigestHeadersAreRead() {
        assertThat(ExpectedDigest.of(
                        Optional.empty(),
                        Optional.of("sha-512=:AAAA:, sha-256=:" + B64 + ":"),
                        Optional.empty(),
                        Optional.empty()))
                .contains(HEX);
        assertThat(ExpectedDigest.of(
                        Optional.empty(), Optional.empty(), Optional.of("sha-256=:" + B64 + ":"), Optional.empty()))
                .contains(HEX);
    }

    @Test
    void legacyDigestHeaderIsRead() {
        assertThat(ExpectedDigest.of(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("SHA-256=" + B64)))
                .contains(HEX);
    }

    @Test
    void noExpectationIsEmptyAndOtherAlgorithmsAreIgnored() {
        assertThat(ExpectedDigest.of(
                        Optional.empty(), Optional.of("sha-512=:AAAA:"), Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void disagreeingValuesAreRefused() {
        assertThatThrownBy(() -> ExpectedDigest.of(
                        Optional.of("0".repeat(64)),
                        Optional.of("sha-256=:" + B64 + ":"),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(FleetException.class);
    }
}
