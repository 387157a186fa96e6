package io.edgefleet.driver;

import java.util.Objects;
import java.util.Optional;

/**
 * The checks every driver makes before a write reaches the device, in this order: the property
 * exists, it is {@link AccessMode#READ_WRITE}, the value has the property's type, the value is
 * within its {@link ValueConstraints}. Drivers call {@link #of} first so that all of them refuse
 * the same writes with the same codes:
 *
 * <pre>{@code
 * return switch (WriteCheck.of(connection, property, value)) {
 *     case WriteCheck.Denied denied -> denied.refusal();
 *     case WriteCheck.Allowed allowed -> writeToDevice(allowed.binding(), allowed.value());
 * };
 * }</pre>
 */
public sealed interface WriteCheck {

    /** The write may go to the device. */
    record Allowed(PropertyBinding binding, TypedValue value) implements WriteCheck {
        public Allowed {
            Objects.requireNonNull(binding, "binding");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The write must not go to the device; answer with the refusal. */
    record Denied(WriteResult.Refused refusal) implements WriteCheck {
        public Denied {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /** Checks a write of {@code value} to {@code property} of the device. */
    static WriteCheck of(DeviceConnection connection, String property, TypedValue value) {
        Objects.requireNonNull(value, "value");
        Optional<PropertyBinding> found = connection.property(property);
        if (found.isEmpty()) {
            return new Denied(new WriteResult.Refused(
                    WriteResult.Refused.UNKNOWN_PROPERTY,
                    "device '" + connection.device() + "' has no property '" + property + "'"));
        }
        PropertyBinding binding = found.get();
        if (!binding.isWritable()) {
            return new Denied(new WriteResult.Refused(
                    WriteResult.Refused.READ_ONLY,
                    "property '" + property + "' of device '" + connection.device() + "' is read-only"));
        }
        return switch (Values.check(binding, value)) {
            case Conversion.Converted converted -> new Allowed(binding, converted.value());
            case Conversion.Failed failed -> new Denied(new WriteResult.Refused(failed.code(), failed.reason()));
        };
    }
}
