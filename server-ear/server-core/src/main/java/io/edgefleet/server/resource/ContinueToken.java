package io.edgefleet.server.resource;

import io.edgefleet.protocol.Names;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Keyset pagination by name: the continue token names the last item of the page, opaque to clients
 * (base64url), so that pages stay correct while items are added or removed between requests.
 */
public final class ContinueToken {
    private static final String PREFIX = "after:";

    private ContinueToken() {}

    public static String after(String lastName) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + lastName).getBytes(StandardCharsets.UTF_8));
    }

    /** The name after which the next page starts; empty for no token. */
    public static Optional<String> parse(Optional<String> token) {
        if (token.isEmpty() || token.get().isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            FleetException invalid = invalid();
            invalid.initCause(e);
            throw invalid;
        }
        if (!text.startsWith(PREFIX) || !Names.isValid(text.substring(PREFIX.length()))) {
            throw invalid();
        }
        return Optional.of(text.substring(PREFIX.length()));
    }

    private static FleetException invalid() {
        return new FleetException(ProblemCode.INVALID_CONTINUE, "the continue token is not one this server issued");
    }
}
