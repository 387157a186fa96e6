package io.edgefleet.server.artifact;

import io.edgefleet.protocol.workload.ArtifactRef;
import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Keyset pagination of artifacts by sha256; opaque to clients like the name-based tokens. */
final class ArtifactContinueToken {
    private static final String PREFIX = "after-sha256:";

    private ArtifactContinueToken() {}

    static String after(String sha256) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + sha256).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<String> parse(Optional<String> token) {
        if (token.isEmpty() || token.get().isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FleetException(
                    ProblemCode.INVALID_CONTINUE, "the continue token is not one this server issued", e);
        }
        if (!text.startsWith(PREFIX) || !ArtifactRef.isSha256(text.substring(PREFIX.length()))) {
            throw new FleetException(ProblemCode.INVALID_CONTINUE, "the continue token is not one this server issued");
        }
        return Optional.of(text.substring(PREFIX.length()));
    }
}
