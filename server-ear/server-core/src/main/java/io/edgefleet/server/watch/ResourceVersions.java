package io.edgefleet.server.watch;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Optional;

/** Where a watch starts, from the {@code resourceVersion} query parameter and the {@code Last-Event-ID} header. */
public final class ResourceVersions {
    private static final int MAX_DIGITS = 18;

    private ResourceVersions() {}

    /**
     * The version to resume after. {@code Last-Event-ID} wins: a browser's EventSource reconnects with
     * the URL it started with (maybe an old resourceVersion) and the id of the last event it received.
     * Blank values count as absent.
     *
     * @throws FleetException {@code invalid-request} when the value is not a non-negative whole number
     */
    public static Optional<Long> from(Optional<String> resourceVersion, Optional<String> lastEventId) {
        Optional<String> header = lastEventId.map(String::strip).filter(v -> !v.isEmpty());
        if (header.isPresent()) {
            return Optional.of(parse("Last-Event-ID", header.get()));
        }
        return resourceVersion.map(String::strip).filter(v -> !v.isEmpty()).map(v -> parse("resourceVersion", v));
    }

    private static long parse(String name, String value) {
        if (value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FleetException(
                    ProblemCode.INVALID_REQUEST,
                    name + " must be a resourceVersion (a whole number, 0 or more), not '" + shorten(value) + "'");
        }
        return Long.parseLong(value);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
