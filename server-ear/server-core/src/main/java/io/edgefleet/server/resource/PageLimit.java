package io.edgefleet.server.resource;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Optional;

/** The {@code limit} of list calls: default 100, at most 1000. */
public final class PageLimit {
    public static final int DEFAULT = 100;
    public static final int MAX = 1000;

    private PageLimit() {}

    public static int of(Optional<Integer> limit) {
        int value = limit.orElse(DEFAULT);
        if (value < 1 || value > MAX) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "limit must lie between 1 and " + MAX);
        }
        return value;
    }

    /** The {@code limit} query parameter as sent: absent or blank means the default. */
    public static int parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        try {
            return of(Optional.of(Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "limit must be a whole number", e);
        }
    }
}
