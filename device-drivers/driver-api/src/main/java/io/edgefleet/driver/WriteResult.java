package io.edgefleet.driver;

import java.util.Objects;
import java.util.Set;

/**
 * The outcome of {@link DriverSession#write}: the device took the value, or the write was refused
 * with a stable code. Expected failures are never exceptions.
 */
public sealed interface WriteResult {

    /**
     * The device acknowledged the write.
     *
     * @param value the value sent to the device
     */
    record Written(TypedValue value) implements WriteResult {
        public Written {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The write did not happen, or (for {@link #TIMEOUT}) may not have.
     *
     * <p>Codes every driver uses: {@link #UNKNOWN_PROPERTY}, {@link #READ_ONLY}, {@link
     * #WRONG_TYPE}, {@link #OUT_OF_RANGE} (the request was wrong: retrying the same value cannot
     * help) and {@link #DEVICE_REFUSED}, {@link #TIMEOUT}, {@link #NOT_CONNECTED} (the device side:
     * the device manager retries these, see {@link #isRetryable()}). A driver may add codes of its
     * own, lower-case with dashes; unknown codes are treated as not retryable.
     *
     * @param code stable, for metrics, logs and the twin's status
     * @param reason for a person; never contains secrets
     */
    record Refused(String code, String reason) implements WriteResult {
        public static final String UNKNOWN_PROPERTY = "unknown-property";
        public static final String READ_ONLY = "read-only";
        public static final String WRONG_TYPE = "wrong-type";
        public static final String OUT_OF_RANGE = "out-of-range";
        public static final String DEVICE_REFUSED = "device-refused";
        public static final String TIMEOUT = "timeout";
        public static final String NOT_CONNECTED = "not-connected";

        private static final Set<String> RETRYABLE = Set.of(TIMEOUT, NOT_CONNECTED);

        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * True when the same write may succeed later without a change to the value: the device did
         * not answer or was not connected. A {@link #TIMEOUT} write may have reached the device; read
         * the property back before assuming either way.
         */
        public boolean isRetryable() {
            return RETRYABLE.contains(code);
        }
    }
}
