package io.edgefleet.server.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicAuthFilterTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicHeaderYieldsUserAndPassword() {
        assertThat(BasicAuthFilter.credentials(basic("admin:pa:ss"))).hasValueSatisfying(c -> {
            assertThat(c[0]).isEqualTo("admin");
            assertThat(c[1]).isEqualTo("pa:ss");
        });
        assertThat(BasicAuthFilter.credentials("basic " + basic("a:b").substring(6)))
                .isPresent();
    }

    @Test
    void missingOrMalformedHeadersYieldNothing() {
        assertThat(BasicAuthFilter.credentials(null)).isEmpty();
        assertThat(BasicAuthFilter.credentials("Bearer abc")).isEmpty();
        assertThat(BasicAuthFilter.credentials("Basic !!!")).isEmpty();
        assertThat(BasicAuthFilter.credentials(basic("no-colon"))).isEmpty();
        assertThat(BasicAuthFilter.credentials(basic(":password"))).isEmpty();
        assertThat(BasicAuthFilter.credentials("Basic " + "A".repeat(5000))).isEmpty();
    }
}
