package io.edgefleet.edge.device.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BusTopicsTest {
    private final BusTopics topics = new BusTopics("edgefleet/");

    @Test
    void topicsFollowTheDocumentedLayout() {
        assertThat(topics.reported("boiler-1", "setpoint")).isEqualTo("edgefleet/devices/boiler-1/reported/setpoint");
        assertThat(topics.state("boiler-1")).isEqualTo("edgefleet/devices/boiler-1/state");
        assertThat(topics.delta("boiler-1")).isEqualTo("edgefleet/devices/boiler-1/delta");
        assertThat(topics.set("boiler-1")).isEqualTo("edgefleet/devices/boiler-1/desired/set");
        assertThat(topics.result("boiler-1")).isEqualTo("edgefleet/devices/boiler-1/desired/result");
        assertThat(topics.daemonState()).isEqualTo("edgefleet/daemon/state");
        assertThat(topics.setFilter()).isEqualTo("edgefleet/devices/+/desired/set");
    }

    @Test
    void aSetTopicNamesItsDevice() {
        assertThat(topics.setDevice("edgefleet/devices/boiler-1/desired/set")).contains("boiler-1");
        assertThat(new BusTopics("plant-7/line/").setDevice("plant-7/line/devices/press/desired/set"))
                .contains("press");
    }

    @Test
    void otherTopicsAreNoSetRequests() {
        assertThat(topics.setDevice("edgefleet/devices/boiler-1/desired/result"))
                .isEmpty();
        assertThat(topics.setDevice("edgefleet/devices/boiler-1/reported/setpoint"))
                .isEmpty();
        assertThat(topics.setDevice("edgefleet/devices/boiler-1/desired/set/extra"))
                .isEmpty();
        assertThat(topics.setDevice("edgefleet/devices//desired/set")).isEmpty();
        assertThat(topics.setDevice("other/devices/boiler-1/desired/set")).isEmpty();
        assertThat(topics.setDevice("edgefleet/devices/Boiler_1/desired/set"))
                .as("not a device name")
                .isEmpty();
        assertThat(topics.setDevice("edgefleet/devices/a/b/desired/set")).isEmpty();
    }

    @Test
    void aPrefixEndsWithASlashAndHoldsNoWildcard() {
        assertThatThrownBy(() -> new BusTopics("edgefleet")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusTopics("edge/+/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusTopics("edge/#/")).isInstanceOf(IllegalArgumentException.class);
    }
}
