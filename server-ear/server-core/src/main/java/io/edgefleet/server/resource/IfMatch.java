package io.edgefleet.server.resource;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Optional;

/**
 * The If-Match precondition (RFC 9110 section 13.1.1) against a resourceVersion. ETags are strong and
 * look like {@code "42"}; a weak or malformed tag never matches, {@code *} matches any existing
 * resource, and no header means no precondition.
 */
public final class IfMatch {
    private IfMatch() {}

    public static boolean matches(Optional<String> header, long resourceVersion) {
        if (header.isEmpty() || header.get().isBlank()) {
            return true;
        }
        String expected = "\"" + resourceVersion + "\"";
        for (String tag : header.get().split(",")) {
            String trimmed = tag.strip();
            if (trimmed.equals("*") || trimmed.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    /** Throws 412 {@code precondition-failed} unless the header matches. */
    public static void require(Optional<String> header, long resourceVersion) {
        if (!matches(header, resourceVersion)) {
            throw new FleetException(
                    ProblemCode.PRECONDITION_FAILED,
                    "If-Match does not match the current ETag \"" + resourceVersion + "\"");
        }
    }
}
