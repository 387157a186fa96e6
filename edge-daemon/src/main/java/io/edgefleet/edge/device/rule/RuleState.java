package io.edgefleet.edge.device.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.RuleCondition;
import io.edgefleet.protocol.device.ValueQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one rule's condition stands, moved by each reported value of its property. Pure: the time
 * comes with the value, so tests drive it with a fake clock.
 *
 * <p>Idle → Holding(since) on the first good matching value; Holding → Fired once it has matched
 * without a break for {@code forMs} (the {@code then} action, once); Fired → Idle on a good value
 * that no longer matches (the {@code onClear} action, once). A value of stale or error quality
 * breaks a hold that has not fired yet, but does not clear a fired rule: a sensor that stops
 * answering is not evidence that the condition ended, and undoing a safety action on no evidence
 * (switching a fan off because the thermometer died) is the wrong default.
 */
public final class RuleState {

    /** What a value did to the rule. */
    public enum Transition {
        NONE,
        FIRED,
        CLEARED
    }

    private enum Phase {
        IDLE,
        HOLDING,
        FIRED
    }

    private final RuleCondition condition;
    private Phase phase = Phase.IDLE;
    private Instant since = Instant.EPOCH;

    public RuleState(RuleCondition condition) {
        this.condition = condition;
    }

    /** Feeds one reported value of the condition's property, observed at {@code now}. */
    public Transition onValue(ReportedValue value, Instant now) {
        boolean good = value.quality() == ValueQuality.GOOD && value.value().isPresent();
        if (!good) {
            if (phase == Phase.HOLDING) {
                phase = Phase.IDLE;
            }
            return Transition.NONE;
        }
        boolean matches = matches(condition, value.value().get());
        return switch (phase) {
            case IDLE -> {
                if (!matches) {
                    yield Transition.NONE;
                }
                phase = Phase.HOLDING;
                since = now;
                yield fireIfHeld(now);
            }
            case HOLDING -> matches ? fireIfHeld(now) : idle();
            case FIRED -> {
                if (matches) {
                    yield Transition.NONE;
                }
                phase = Phase.IDLE;
                yield Transition.CLEARED;
            }
        };
    }

    /** Whether the rule has fired and not cleared since. */
    public boolean fired() {
        return phase == Phase.FIRED;
    }

    /** Since when the condition holds, while it does. */
    public Optional<Instant> holdingSince() {
        return phase == Phase.IDLE ? Optional.empty() : Optional.of(since);
    }

    private Transition fireIfHeld(Instant now) {
        if (Duration.between(since, now).toMillis() >= condition.forMs()) {
            phase = Phase.FIRED;
            return Transition.FIRED;
        }
        return Transition.NONE;
    }

    private Transition idle() {
        phase = Phase.IDLE;
        return Transition.NONE;
    }

    /** The comparison of the condition: numbers as numbers; {@code equals} also for text and booleans. */
    static boolean matches(RuleCondition condition, JsonNode value) {
        JsonNode threshold = condition.threshold();
        return switch (condition.comparison()) {
            case ABOVE -> value.isNumber() && value.decimalValue().compareTo(threshold.decimalValue()) > 0;
            case BELOW -> value.isNumber() && value.decimalValue().compareTo(threshold.decimalValue()) < 0;
            case EQUALS ->
                value.isNumber() && threshold.isNumber()
                        ? value.decimalValue().compareTo(threshold.decimalValue()) == 0
                        : value.equals(threshold);
        };
    }
}
