package io.edgefleet.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * Downstream command {@code ack}: the server has durably applied every reliable message of this
 * node up to and including {@code upToSeq}. The edge deletes those outbox entries, and only those.
 *
 * @param accepts only in the answer to {@code hello}: the upstream kinds this server accepts, by wire
 *     name. Absent from every other ack, and from the answers of servers older than the field: a node
 *     then sends only the kinds every version-1 server accepts (no {@code twin-reports})
 */
public record Ack(long upToSeq, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<List<String>> accepts)
        implements MessageBody {
    public Ack {
        if (upToSeq < 0) {
            throw new IllegalArgumentException("upToSeq must not be negative");
        }
        accepts = accepts.map(List::copyOf);
    }

    /** An ack that says nothing about the server's kinds. */
    public Ack(long upToSeq) {
        this(upToSeq, Optional.empty());
    }

    /** The answer to {@code hello}: where the stream stands and every upstream kind this code accepts. */
    public static Ack answeringHello(long upToSeq) {
        return new Ack(
                upToSeq,
                Optional.of(MessageKind.upstream().stream()
                        .map(MessageKind::wireName)
                        .toList()));
    }
}
