package io.edgefleet.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeIdentityTest {

    @Test
    void userNameIsNodeAtTenant() {
        assertThat(NodeCredentials.NodeIdentity.parse("edge-1@default"))
                .contains(new NodeCredentials.NodeIdentity("edge-1", "default"));
        assertThat(new NodeCredentials.NodeIdentity("edge-1", "default").username())
                .isEqualTo("edge-1@default");
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(NodeCredentials.NodeIdentity.parse("edge-1")).isEmpty();
        assertThat(NodeCredentials.NodeIdentity.parse("a@b@c")).isEmpty();
        assertThat(NodeCredentials.NodeIdentity.parse("Edge@default")).isEmpty();
        assertThat(NodeCredentials.NodeIdentity.parse("edge-1@")).isEmpty();
        assertThat(NodeCredentials.NodeIdentity.parse("edge/+@default")).isEmpty();
    }
}
