package io.edgefleet.server.link.testsupport;

import io.edgefleet.server.link.mqtt.MqttLinkConfig;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;

/** A real broker a link test runs against: the embedded Artemis or a Mosquitto process. */
public interface TestBroker extends AutoCloseable {

    String name();

    /** The server's link config: with the server account where the broker needs one. */
    MqttLinkConfig linkConfig(String clientId);

    /** An edge node connected the way enrolled nodes connect (client id {@code edge.{t}.{n}}). */
    FakeNode node(String tenant, String node) throws MqttException;

    /** Stops the broker the hard way: a killed process, or a stopped embedded broker. */
    void crash();

    /** Starts it again on the same port (and data). */
    void start();

    @Override
    void close();

    static String clientIdOf(String tenant, String node) {
        return "edge." + tenant + "." + node;
    }

    /** A unique MQTT client id for links in tests. */
    static String linkClientId(String purpose) {
        return "edgefleet-server-" + purpose + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
