package io.edgefleet.server.link.testsupport;

import io.edgefleet.server.link.InboundMessage;
import io.edgefleet.server.link.LinkState;
import io.edgefleet.server.link.RejectedMessage;
import io.edgefleet.server.link.UpstreamHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records what a link hands over; can be told to throw, like a buggy domain would. */
public final class RecordingHandler implements UpstreamHandler {
    private final List<InboundMessage> messages = new CopyOnWriteArrayList<>();
    private final List<RejectedMessage> rejected = new CopyOnWriteArrayList<>();
    private final List<LinkState> states = new CopyOnWriteArrayList<>();
    private volatile Predicate<InboundMessage> throwOn = m -> false;

    public RecordingHandler throwingOn(Predicate<InboundMessage> condition) {
        this.throwOn = condition;
        return this;
    }

    @Override
    public void onMessage(InboundMessage message) {
        messages.add(message);
        if (throwOn.test(message)) {
            throw new IllegalStateException("handler bug, on purpose");
        }
    }

    @Override
    public void onRejected(RejectedMessage message) {
        rejected.add(message);
    }

    @Override
    public void onLinkStateChanged(LinkState state) {
        states.add(state);
    }

    public List<InboundMessage> messages() {
        return List.copyOf(messages);
    }

    public List<InboundMessage> messagesOf(String tenant) {
        return messages.stream().filter(m -> m.tenant().equals(tenant)).toList();
    }

    public List<RejectedMessage> rejected() {
        return List.copyOf(rejected);
    }

    public List<LinkState> states() {
        return List.copyOf(states);
    }
}
