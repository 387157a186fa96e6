package io.edgefleet.driver;

import java.util.Objects;

/**
 * The outcome of turning input into a property's value with {@link Values}: the value, or a stable
 * code and a reason. The codes match {@link WriteResult.Refused}'s, so a failed conversion of a
 * desired value can be reported like a refused write.
 */
public sealed interface Conversion {

    /** The converted value, or a {@link DriverException} with code {@link DriverException#INVALID_VALUE}. */
    TypedValue orElseThrow();

    /** The input is a valid value of the property. */
    record Converted(TypedValue value) implements Conversion {
        public Converted {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public TypedValue orElseThrow() {
            return value;
        }
    }

    /**
     * The input is not a valid value of the property.
     *
     * @param code {@link #WRONG_TYPE}, {@link #INVALID_FORMAT} or {@link #OUT_OF_RANGE}
     * @param reason for a person, naming the property and what is allowed
     */
    record Failed(String code, String reason) implements Conversion {
        /** The value has another type and no lossless conversion exists. */
        public static final String WRONG_TYPE = WriteResult.Refused.WRONG_TYPE;
        /** The text is not a value of the type at all ("abc" for an INT). */
        public static final String INVALID_FORMAT = "invalid-format";
        /** The value is of the right type but outside the range or symbols allowed. */
        public static final String OUT_OF_RANGE = WriteResult.Refused.OUT_OF_RANGE;

        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public TypedValue orElseThrow() {
            throw new DriverException(
                    DriverException.INVALID_VALUE,
                    400,
                    reason,
                    "Give a value of the property's type within its range (" + code + ").");
        }
    }
}
