package io.edgefleet.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void rolesGrantWhatDesignSectionFourSays() {
        assertThat(Role.FLEET_ADMIN.allows(Permission.ADMIN)).isTrue();
        assertThat(Role.PLANT_ENGINEER.allows(Permission.PATCH_LABELS)).isTrue();
        assertThat(Role.PLANT_ENGINEER.allows(Permission.ADMIN)).isFalse();
        assertThat(Role.INTEGRATOR.allows(Permission.PATCH_LABELS)).isTrue();
        assertThat(Role.INTEGRATOR.allows(Permission.ADMIN)).isFalse();
        assertThat(Role.VIEWER.allows(Permission.READ)).isTrue();
        assertThat(Role.VIEWER.allows(Permission.PATCH_LABELS)).isFalse();
    }

    @Test
    void wireNamesRoundTrip() {
        for (Role role : Role.values()) {
            assertThat(Role.fromWireName(role.wireName())).contains(role);
        }
        assertThat(Role.fromWireName("root")).isEmpty();
    }
}
