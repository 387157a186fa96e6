package io.edgefleet.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void httpsIsAllowedAnywhere() {
        assertThat(ServerAddress.parse("https://fleet.example.com/").resolve("/api/v1/me"))
                .hasToString("https://fleet.example.com/api/v1/me");
    }

    @Test
    void plainHttpIsAllowedOnThisMachineOnly() {
        assertThat(ServerAddress.parse(" http://127.0.0.1:9080 ").toString()).isEqualTo("http://127.0.0.1:9080");
        assertThat(ServerAddress.parse("http://localhost:9080").toString()).isEqualTo("http://localhost:9080");
        assertThatThrownBy(() -> ServerAddress.parse("http://fleet.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://");
    }

    @Test
    void otherSchemesAndMissingHostsAreRefused() {
        assertThatThrownBy(() -> ServerAddress.parse("ftp://fleet.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.parse("fleet.example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertThat(new Credentials("admin", "s3cret")).asString().doesNotContain("s3cret");
    }
}
