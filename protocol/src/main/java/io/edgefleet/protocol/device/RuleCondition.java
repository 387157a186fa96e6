package io.edgefleet.protocol.device;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.Names;
import java.util.Objects;

/**
 * When a rule fires: a reported value of good quality of one device property compares true with
 * {@code threshold}, without a break, for at least {@code forMs}.
 *
 * @param forMs 0 fires on the first matching value
 */
public record RuleCondition(String device, String property, RuleComparison comparison, JsonNode threshold, long forMs) {
    public RuleCondition {
        Names.require("rule device", device);
        Names.require("rule property", property);
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(threshold, "threshold");
        if (!threshold.isValueNode() || threshold.isNull()) {
            throw new IllegalArgumentException("a rule threshold is a JSON number, boolean or string");
        }
        if (comparison != RuleComparison.EQUALS && !threshold.isNumber()) {
            throw new IllegalArgumentException("above and below compare with a number");
        }
        if (forMs < 0 || forMs > 86_400_000L) {
            throw new IllegalArgumentException("forMs must be 0 to 86400000 (one day)");
        }
    }
}
