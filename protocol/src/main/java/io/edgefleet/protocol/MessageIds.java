package io.edgefleet.protocol;

import java.util.UUID;

/** Message ids: random UUIDs, so that two senders never collide without coordination. */
final class MessageIds {
    private MessageIds() {}

    static String next() {
        return UUID.randomUUID().toString();
    }
}
