package io.edgefleet.protocol;

import io.edgefleet.protocol.device.DeviceState;
import io.edgefleet.protocol.device.EdgeDesired;
import io.edgefleet.protocol.device.ReportedValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Upstream, reliable: the twin of one device as the node sees it. Carries the values that changed
 * since the last report (a desired value counts as reported only once it was written to the device
 * and read back), the device's state when it changed, and desired values set at the edge. State is
 * never dropped: it goes through the outbox.
 */
public record TwinReport(
        String device, Optional<DeviceState> state, List<ReportedValue> reported, List<EdgeDesired> desired)
        implements MessageBody {
    public TwinReport {
        Names.require("device name", device);
        Objects.requireNonNull(state, "state");
        reported = List.copyOf(Objects.requireNonNull(reported, "reported"));
        desired = List.copyOf(Objects.requireNonNull(desired, "desired"));
    }
}
