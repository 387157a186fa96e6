package io.edgefleet.server.edge;

import io.edgefleet.server.config.ServerSettings;
import io.edgefleet.server.config.SettingsReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the server reaches its edge nodes.
 *
 * @param embedded {@code fleet.mqtt.embedded} (default true): run the embedded Artemis MQTT broker
 * @param brokerHost {@code fleet.mqtt.host} (default 127.0.0.1): the embedded broker's listen address;
 *     0.0.0.0 lets edges on other machines connect
 * @param brokerPort {@code fleet.mqtt.port} (default 11883; 0 picks a free port)
 * @param url {@code fleet.mqtt.url}: the broker the server connects to; default the embedded one.
 *     Required with {@code fleet.mqtt.embedded=false} (an external broker such as Mosquitto)
 * @param username {@code fleet.mqtt.username}, for an external broker
 * @param password {@code fleet.mqtt.password}, for an external broker
 * @param edgeUrl {@code fleet.mqtt.edge.url}: the URL handed to edges at enrollment; default the URL
 *     the server itself uses
 * @param brokerDataDir the embedded broker's journal: {@code <data dir>/broker}
 */
public record LinkSettings(
        boolean embedded,
        String brokerHost,
        int brokerPort,
        Optional<String> url,
        Optional<String> username,
        Optional<String> password,
        Optional<String> edgeUrl,
        Path brokerDataDir) {

    public static final String EMBEDDED = "fleet.mqtt.embedded";
    public static final String HOST = "fleet.mqtt.host";
    public static final String PORT = "fleet.mqtt.port";
    public static final String URL = "fleet.mqtt.url";
    public static final String USERNAME = "fleet.mqtt.username";
    public static final String PASSWORD = "fleet.mqtt.password";
    public static final String EDGE_URL = "fleet.mqtt.edge.url";

    public LinkSettings {
        if (!embedded && url.isEmpty()) {
            throw new IllegalArgumentException("EF1008 FLEET_MQTT_URL (" + URL
                    + ") is required when FLEET_MQTT_EMBEDDED is false: name the external broker, e.g."
                    + " tcp://127.0.0.1:1883");
        }
    }

    public static LinkSettings from(SettingsReader settings, ServerSettings server) {
        return new LinkSettings(
                settings.bool(EMBEDDED, true),
                settings.string(HOST, "127.0.0.1"),
                settings.integer(PORT, 11883, 0, 65_535),
                settings.string(URL),
                settings.string(USERNAME),
                settings.string(PASSWORD),
                settings.string(EDGE_URL),
                server.dataDir().resolve("broker"));
    }

    /** The address the server uses to reach the embedded broker on this machine. */
    public String embeddedUrl(int actualPort) {
        String host = brokerHost.equals("0.0.0.0") || brokerHost.equals("::") ? "127.0.0.1" : brokerHost;
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actualPort;
    }

    @Override
    public String toString() {
        return "LinkSettings[embedded=" + embedded + ", brokerHost=" + brokerHost + ", brokerPort=" + brokerPort
                + ", url=" + url.orElse("(embedded)") + ", username=" + username.orElse("(none)") + ", password="
                + (password.isPresent() ? "(set)" : "(none)") + ", edgeUrl=" + edgeUrl.orElse("(same)")
                + ", brokerDataDir=" + brokerDataDir + "]";
    }
}
