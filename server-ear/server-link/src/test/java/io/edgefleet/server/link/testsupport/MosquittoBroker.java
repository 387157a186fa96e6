package io.edgefleet.server.link.testsupport;

import io.edgefleet.server.link.mqtt.MqttLinkConfig;
import io.edgefleet.testsupport.MosquittoProcess;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Mosquitto with anonymous access, as a plain third-party broker: test-support's {@link MosquittoProcess}
 * behind this module's {@link TestBroker}, with room for 10,000 queued messages per client.
 */
public final class MosquittoBroker implements TestBroker {
    private final MosquittoProcess process;

    public MosquittoBroker(Path dir) {
        this.process = MosquittoProcess.builder(dir)
                .config("max_queued_messages 10000")
                .start();
    }

    @Override
    public String name() {
        return "mosquitto";
    }

    @Override
    public MqttLinkConfig linkConfig(String clientId) {
        return MqttLinkConfig.defaults(process.url(), clientId);
    }

    @Override
    public FakeNode node(String tenant, String node) throws MqttException {
        return FakeNode.connect(
                process.url(), TestBroker.clientIdOf(tenant, node), tenant, node, Optional.empty(), Optional.empty());
    }

    @Override
    public void crash() {
        process.kill();
    }

    @Override
    public void start() {
        process.start();
    }

    @Override
    public void close() {
        process.close();
    }
}
