package io.edgefleet.edge.device.bus;

import io.edgefleet.edge.device.SetOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one value of a set message, published on {@code desired/result}.
 *
 * @param property empty when the message as a whole was refused (not a JSON object)
 * @param code on a refusal, the stable reason code ({@code read-only}, {@code out-of-range}, …)
 * @param reason on a refusal, the reason in words
 */
public record SetResult(Optional<String> property, boolean accepted, Optional<String> code, Optional<String> reason) {
    /** Code of a message that is not a JSON object of properties. */
    public static final String INVALID_PAYLOAD = "invalid-payload";

    public SetResult {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        if (accepted == code.isPresent()) {
            throw new IllegalArgumentException("a refusal has a code, an accepted value none");
        }
    }

    public static SetResult of(String property, SetOutcome outcome) {
        return switch (outcome) {
            case SetOutcome.Recorded recorded ->
                new SetResult(Optional.of(property), true, Optional.empty(), Optional.empty());
            case SetOutcome.Refused refused ->
                new SetResult(Optional.of(property), false, Optional.of(refused.code()), Optional.of(refused.reason()));
        };
    }

    public static SetResult malformed(String reason) {
        return new SetResult(Optional.empty(), false, Optional.of(INVALID_PAYLOAD), Optional.of(reason));
    }
}
