package io.edgefleet.driver;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One property's value as read from a device, with how far it can be trusted.
 *
 * <p>The quality decides what else is present, and the constructor enforces it: {@link
 * Quality#GOOD} has a value and no error; {@link Quality#STALE} has a value (the last one vouched
 * for) and usually an error saying why it is not current; {@link Quality#ERROR} has an error and no
 * value. Use the factories {@link #good}, {@link #stale} and {@link #error}.
 *
 * @param property the property name, as requested
 * @param value the value, of the property's type; present unless the quality is ERROR
 * @param quality how far the value can be trusted
 * @param sourceTime when the device produced the value (the device's or server's timestamp where
 *     the protocol has one, else when the driver received it); for ERROR, when the read failed
 * @param error why the value is missing or not current; never contains secrets
 */
public record Reading(
        String property, Optional<TypedValue> value, Quality quality, Instant sourceTime, Optional<String> error) {

    public Reading {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(sourceTime, "sourceTime");
        Objects.requireNonNull(error, "error");
        switch (quality) {
            case GOOD -> {
                if (value.isEmpty() || error.isPresent()) {
                    throw new IllegalArgumentException("a GOOD reading has a value and no error: " + property);
                }
            }
            case STALE -> {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("a STALE reading keeps its last value: " + property);
                }
            }
            case ERROR -> {
                if (value.isPresent() || error.isEmpty()) {
                    throw new IllegalArgumentException("an ERROR reading has an error and no value: " + property);
                }
            }
        }
    }

    /** A current value straight from the device. */
    public static Reading good(String property, TypedValue value, Instant sourceTime) {
        return new Reading(property, Optional.of(value), Quality.GOOD, sourceTime, Optional.empty());
    }

    /** The last value vouched for, produced at {@code sourceTime}, that could not be confirmed as current. */
    public static Reading stale(String property, TypedValue value, Instant sourceTime, String reason) {
        return new Reading(property, Optional.of(value), Quality.STALE, sourceTime, Optional.of(reason));
    }

    /** No value: the property could not be read at {@code at}, for the given reason. */
    public static Reading error(String property, String reason, Instant at) {
        return new Reading(property, Optional.empty(), Quality.ERROR, at, Optional.of(reason));
    }
}
