package io.edgefleet.protocol.device;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a rule compares a reported value with its threshold. */
public enum RuleComparison {
    /** Numbers: value &gt; threshold. */
    @JsonProperty("above")
    ABOVE,
    /** Numbers: value &lt; threshold. */
    @JsonProperty("below")
    BELOW,
    /** Any type: the value equals the threshold (numbers compared as numbers). */
    @JsonProperty("equals")
    EQUALS
}
