package io.edgefleet.edge.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.protocol.device.DesiredValue;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Decision 0005 at the edge: base versions, collapse, settlement, which value the device gets. */
class EdgeChangeTest {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private static DesiredValue synced(long version, double value) {
        return new DesiredValue(J.numberNode(value), version, "user:alice", T0);
    }

    @Test
    void anEdgeChangeNamesTheVersionTheEdgeHeldAsItsBase() {
        EdgeChange change = EdgeChange.next(
                Optional.empty(), Optional.of(synced(5, 20)), "setpoint", J.numberNode(30), "edge:n", T0);
        assertThat(change.baseVersion()).isEqualTo(5);
        assertThat(change.sent()).isFalse();
        EdgeChange none =
                EdgeChange.next(Optional.empty(), Optional.empty(), "setpoint", J.numberNode(30), "edge:n", T0);
        assertThat(none.baseVersion()).isZero();
    }

    @Test
    void severalOfflineChangesCollapseToTheLastKeepingTheFirstBase() {
        EdgeChange first = EdgeChange.next(
                Optional.empty(), Optional.of(synced(5, 20)), "setpoint", J.numberNode(30), "edge:n", T0);
        // The edge held version 5 at the first change; a later sync (not above 5) cannot move the base.
        EdgeChange second = EdgeChange.next(
                Optional.of(first.markSent()),
                Optional.of(synced(5, 20)),
                "setpoint",
                J.numberNode(40),
                "rule:cool",
                T0.plusSeconds(9));
        assertThat(second.baseVersion()).isEqualTo(5);
        assertThat(second.value()).isEqualTo(J.numberNode(40));
        assertThat(second.by()).isEqualTo("rule:cool");
        assertThat(second.sent()).as("the new value must go upstream again").isFalse();
        assertThat(second.toWire().baseVersion()).isEqualTo(5);
    }

    @Test
    void onlyASyncedVersionAboveTheBaseSettlesTheChange() {
        EdgeChange change = new EdgeChange("setpoint", J.numberNode(30), 5, "edge:n", T0, true);
        assertThat(change.settledBy(4)).isFalse();
        assertThat(change.settledBy(5)).as("the sync predates the edge change").isFalse();
        assertThat(change.settledBy(6)).isTrue();
    }

    @Test
    void aPendingEdgeChangeWinsOnTheDeviceUntilSettled() {
        EdgeChange pending = new EdgeChange("setpoint", J.numberNode(30), 5, "edge:n", T0, true);
        Target target = Target.of("setpoint", Optional.of(synced(5, 20)), Optional.of(pending))
                .orElseThrow();
        assertThat(target.value()).isEqualTo(J.numberNode(30));
        Target afterSettlement = Target.of("setpoint", Optional.of(synced(6, 20)), Optional.empty())
                .orElseThrow();
        assertThat(afterSettlement.value()).isEqualTo(J.numberNode(20.0));
        assertThat(afterSettlement.key()).isNotEqualTo(target.key());
        assertThat(Target.of("setpoint", Optional.empty(), Optional.empty())).isEmpty();
    }
}
