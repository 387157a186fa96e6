package io.edgefleet.server.enrollment;

import java.time.Instant;
import java.util.Optional;

/** Whether a stored enrollment token may enroll a node now. */
public final class TokenCheck {
    private TokenCheck() {}

    /** The verdict. */
    public sealed interface Verdict {
        record Usable() implements Verdict {}

        record Used(Instant usedAt) implements Verdict {}

        record Expired(Instant expiresAt) implements Verdict {}

        /** The token is bound to another node name. */
        record WrongNode(String boundTo) implements Verdict {}
    }

    /**
     * Checks in this order: used (a second use is the likelier mistake and 409 says so), expired,
     * bound to another node.
     */
    public static Verdict check(
            Optional<Instant> usedAt, Instant expiresAt, Optional<String> boundNode, String node, Instant now) {
        if (usedAt.isPresent()) {
            return new Verdict.Used(usedAt.get());
        }
        if (!now.isBefore(expiresAt)) {
            return new Verdict.Expired(expiresAt);
        }
        if (boundNode.isPresent() && !boundNode.get().equals(node)) {
            return new Verdict.WrongNode(boundNode.get());
        }
        return new Verdict.Usable();
    }
}
