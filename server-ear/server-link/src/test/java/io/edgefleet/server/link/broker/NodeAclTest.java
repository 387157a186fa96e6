package io.edgefleet.server.link.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.activemq.artemis.core.security.CheckType;
import org.junit.jupiter.api.Test;

class NodeAclTest {

    private static boolean allows(CheckType type, String address) {
        return NodeAcl.allows("acme", "edge-1", type, address);
    }

    @Test
    void nodePublishesToItsOwnUpstreamTopics() {
        assertThat(allows(CheckType.SEND, "event.acme.edge-1")).isTrue();
        assertThat(allows(CheckType.SEND, "telemetry.acme.edge-1")).isTrue();
        assertThat(allows(CheckType.SEND, "command.acme.edge-1.res.r42.200")).isTrue();
        assertThat(allows(CheckType.CREATE_ADDRESS, "event.acme.edge-1")).isTrue();
    }

    @Test
    void nodeCannotPublishForOthersNorDownstream() {
        assertThat(allows(CheckType.SEND, "event.acme.edge-2")).isFalse();
        assertThat(allows(CheckType.SEND, "event.other.edge-1")).isFalse();
        assertThat(allows(CheckType.SEND, "event.acme.edge-1.more")).isFalse();
        assertThat(allows(CheckType.SEND, "command.acme.edge-2.res.r1.200")).isFalse();
        assertThat(allows(CheckType.SEND, "command.acme.edge-1.req.r1.sync")).isFalse();
        assertThat(allows(CheckType.SEND, "command.acme.edge-1.res.r1")).isFalse();
        assertThat(allows(CheckType.SEND, "command.acme.edge-1.res.r1.200.x")).isFalse();
    }

    @Test
    void nodeCannotPublishToWildcardAddresses() {
        assertThat(allows(CheckType.SEND, "command.acme.edge-1.res.*.200")).isFalse();
        assertThat(allows(CheckType.SEND, "command.acme.edge-1.res.\\*.200")).isFalse();
        assertThat(allows(CheckType.SEND, "command.acme.edge-1.res.#")).isFalse();
    }

    @Test
    void nodeSubscribesOnlyBelowItsOwnCommandRequests() {
        for (CheckType type : new CheckType[] {
            CheckType.CREATE_ADDRESS,
            CheckType.CREATE_NON_DURABLE_QUEUE,
            CheckType.CREATE_DURABLE_QUEUE,
            CheckType.CONSUME,
            CheckType.DELETE_NON_DURABLE_QUEUE,
            CheckType.DELETE_DURABLE_QUEUE,
            CheckType.DELETE_ADDRESS
        }) {
            assertThat(allows(type, "command.acme.edge-1.req.#"))
                    .as(type.name())
                    .isTrue();
            assertThat(allows(type, "command.acme.edge-1.req.#::edge.acme.edge-1.command.acme.edge-1.req.#"))
                    .as(type.name() + " fully qualified")
                    .isTrue();
            assertThat(allows(type, "command.acme.edge-2.req.#")).isFalse();
            assertThat(allows(type, "command.*.*.req.#")).isFalse();
            assertThat(allows(type, "command.acme.edge-1.#")).isFalse();
        }
        assertThat(allows(CheckType.CONSUME, "event.acme.edge-1")).isFalse();
    }

    @Test
    void managementAndBrowsingAreNeverAllowed() {
        for (CheckType type : new CheckType[] {CheckType.MANAGE, CheckType.BROWSE, CheckType.VIEW, CheckType.EDIT}) {
            assertThat(allows(type, "command.acme.edge-1.req.#"))
                    .as(type.name())
                    .isFalse();
            assertThat(allows(type, "event.acme.edge-1")).as(type.name()).isFalse();
        }
        assertThat(allows(CheckType.DELETE_ADDRESS, "event.acme.edge-1"))
                .as("a node never deletes an upstream address")
                .isFalse();
        assertThat(NodeAcl.allows("acme", "edge-1", CheckType.SEND, null)).isFalse();
    }
}
