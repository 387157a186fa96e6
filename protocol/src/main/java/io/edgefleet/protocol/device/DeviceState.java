package io.edgefleet.protocol.device;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the node can talk to the device. */
public enum DeviceState {
    @JsonProperty("Online")
    ONLINE,
    @JsonProperty("Offline")
    OFFLINE
}
