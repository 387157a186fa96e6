package io.edgefleet.edge.device.bus;

import java.util.Objects;
import java.util.Optional;

/**
 * One publish on the local bus. Retained messages are state (the latest per topic is all that
 * matters); the others are answers to a set.
 *
 * @param payload empty on a retained topic: the broker forgets the topic's retained message
 * @param correlation MQTT 5 correlation data of the request this message answers
 */
record BusMessage(String topic, byte[] payload, boolean retained, Optional<byte[]> correlation) {
    BusMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(correlation, "correlation");
    }
}
