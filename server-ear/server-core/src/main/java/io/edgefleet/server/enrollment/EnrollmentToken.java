package io.edgefleet.server.enrollment;

import java.time.Instant;
import java.util.Optional;

/**
 * An enrollment token as the API shows it.
 *
 * @param token the secret, present only in the answer to its creation
 * @param node the node name the token is bound to, if any
 * @param state {@code Active}, {@code Used} or {@code Expired}
 */
public record EnrollmentToken(
        String id,
        Optional<String> token,
        Instant expiresAt,
        Optional<String> node,
        String state,
        Instant createdAt,
        String createdBy,
        Optional<Instant> usedAt,
        Optional<String> usedBy) {

    static EnrollmentToken of(EnrollmentTokenEntity e, Optional<String> secret, Instant now) {
        String state = e.usedAt().isPresent() ? "Used" : now.isBefore(e.expiresAt()) ? "Active" : "Expired";
        return new EnrollmentToken(
                e.id(),
                secret,
                e.expiresAt(),
                e.nodeName(),
                state,
                e.createdAt(),
                e.createdBy(),
                e.usedAt(),
                e.usedByNode());
    }
}
