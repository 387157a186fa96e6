package io.edgefleet.driver.mqtt;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.ConfigValidation;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverSession;

/**
 * Protocol {@code mqtt}: a device that publishes its state as JSON to a topic and takes JSON
 * commands on another, through a broker.
 *
 * <p>Connection config: {@code broker-url} (required, {@code tcp://host:port}), {@code
 * client-id-prefix} (default {@code edgefleet}; the client id adds the device name and a random
 * suffix), {@code username}/{@code password} (optional; the password is never logged or echoed),
 * {@code state-topic} and {@code command-topic} (defaults for every property), {@code qos} (0, 1 or
 * 2; default 1, used to subscribe and to publish commands), {@code stale-after-ms} (a value older
 * than this reads STALE; default 0 = never), {@code first-state-wait-ms} (how long {@code open}
 * waits for the first state on each topic; default 1000).
 *
 * <p>Property visitor: {@code json-pointer} (required, RFC 6901, e.g. {@code /sensors/temp}) into
 * the state payload; {@code state-topic} and {@code command-topic} override the device's; for
 * writes either {@code command-pointer} (default: the json-pointer; the command is {@code
 * {"sensors":{"temp":value}}}) or {@code command-template} (text with {@code ${value}} replaced by
 * the value as JSON, e.g. {@code {"cmd":"set","temp":${value}}}).
 */
public final class MqttDeviceDriver implements DeviceDriver {
    /** The protocol name devices use. */
    public static final String PROTOCOL = "mqtt";

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ConfigValidation validate(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        MqttSettings.read(check, connection);
        return check.result();
    }

    @Override
    public DriverSession open(DeviceConnection connection) {
        ConfigCheck check = ConfigCheck.forConnection(connection, PROTOCOL);
        MqttSettings settings = MqttSettings.read(check, connection);
        check.throwIfInvalid();
        return MqttDeviceSession.open(connection, settings);
    }
}
