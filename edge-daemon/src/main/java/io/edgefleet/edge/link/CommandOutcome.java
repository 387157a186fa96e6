package io.edgefleet.edge.link;

import io.edgefleet.protocol.MessageBody;
import java.util.Objects;

/** What a {@link CommandHandler} wants sent back. */
public sealed interface CommandOutcome {

    /**
     * Answer on {@code command/{tenant}/{node}/res/{reqId}/{status}}.
     *
     * @param status an HTTP status code
     */
    record Reply(int status, MessageBody body) implements CommandOutcome {
        public Reply {
            Objects.requireNonNull(body, "body");
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP status code: " + status);
            }
        }
    }

    /** The command needs no answer ({@code ack}). */
    record NoReply() implements CommandOutcome {}
}
