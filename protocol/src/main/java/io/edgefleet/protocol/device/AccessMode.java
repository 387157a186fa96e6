package io.edgefleet.protocol.device;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a property may be given a desired value. */
public enum AccessMode {
    @JsonProperty("ReadOnly")
    READ_ONLY,
    @JsonProperty("ReadWrite")
    READ_WRITE
}
