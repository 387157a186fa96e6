package io.edgefleet.protocol.device;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How far a reported value can be trusted (the driver SPI's quality, on the wire). */
public enum ValueQuality {
    @JsonProperty("good")
    GOOD,
    @JsonProperty("stale")
    STALE,
    @JsonProperty("error")
    ERROR
}
