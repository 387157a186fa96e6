package io.edgefleet.edge.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.ReportedValue;
import java.util.List;
import java.util.Map;

/**
 * What the device workers tell the world on this PC besides the store and the cloud: the local bus
 * listens here ({@code …device.bus}). Called on the workers' threads after the store committed, so
 * an implementation must only take note and return at once: a slow listener must never slow a
 * collect cycle. Repeated values are normal (the state is told at every collect) and are no news.
 */
public interface DeviceFeed {
    /** Listens to nothing: the daemon without a local bus. */
    DeviceFeed NONE = new DeviceFeed() {
        @Override
        public void readings(String device, List<ReportedValue> readings) {
            // no local bus: nothing to publish
        }

        @Override
        public void state(String device, DeviceState state) {
            // no local bus: nothing to publish
        }

        @Override
        public void twin(String device, Map<String, JsonNode> desired, Map<String, ReportedValue> reported) {
            // no local bus: nothing to publish
        }

        @Override
        public void removed(String device) {
            // no local bus: nothing to publish
        }
    };

    /** New readings of a device (every collect, and every read-back after a write). */
    void readings(String device, List<ReportedValue> readings);

    /** The device's state, at every collect and every failed attempt to open its session. */
    void state(String device, DeviceState state);

    /**
     * After each collect cycle: the value every property should hold (pending edge change, else the
     * synced desired value) and the latest reading of every property. Both maps are read-only views
     * valid during the call only (the worker goes on changing them).
     */
    void twin(String device, Map<String, JsonNode> desired, Map<String, ReportedValue> reported);

    /** The device was removed from this node. */
    void removed(String device);
}
