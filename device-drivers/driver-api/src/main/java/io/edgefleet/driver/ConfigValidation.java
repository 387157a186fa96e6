package io.edgefleet.driver;

import java.util.List;

/**
 * The outcome of {@link DeviceDriver#validate}: the configuration can be used, or the list of
 * everything wrong with it. Build one with {@link ConfigCheck} or {@link #of(List)}.
 */
public sealed interface ConfigValidation {

    /** Every problem found; empty for {@link Valid}. */
    List<String> problems();

    /** {@link Valid} if there are no problems, else {@link Invalid} listing them. */
    static ConfigValidation of(List<String> problems) {
        return problems.isEmpty() ? new Valid() : new Invalid(problems);
    }

    /** The configuration can be used to open a session. */
    record Valid() implements ConfigValidation {
        @Override
        public List<String> problems() {
            return List.of();
        }
    }

    /**
     * The configuration cannot be used.
     *
     * @param problems every problem found, each naming where it is; never empty
     */
    record Invalid(List<String> problems) implements ConfigValidation {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an Invalid validation lists at least one problem");
            }
        }
    }
}
