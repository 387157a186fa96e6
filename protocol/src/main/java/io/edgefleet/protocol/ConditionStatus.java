package io.edgefleet.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a {@link NodeCondition} holds; {@code Unknown} when the node cannot tell (e.g. no /proc). */
public enum ConditionStatus {
    @JsonProperty("True")
    TRUE,
    @JsonProperty("False")
    FALSE,
    @JsonProperty("Unknown")
    UNKNOWN
}
