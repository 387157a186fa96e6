package io.edgefleet.driver;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a driver needs to talk to one device: the device's name, its protocol and connection
 * settings, its properties and timeouts. Built by the edge daemon from a Device resource and its
 * DeviceModel.
 *
 * <p>The record checks only that nothing is null; whether the content makes sense is {@link
 * DeviceDriver#validate}'s job, so that a bad device produces a list of problems, not an exception.
 * {@link #toString()} hides the values of secret-looking keys ({@code password}, {@code token}, …).
 *
 * @param device the device's name (a DNS label, unique on the node), used in messages and logs
 * @param protocol the protocol, naming the {@link DeviceDriver} to use
 * @param config connection settings, interpreted by the driver: host, port, unit id, endpoint URL,
 *     serial line, credentials. Keys are lower-case with dashes.
 * @param properties the device's properties, in the device model's order
 * @param timeouts how long to wait for the device
 */
public record DeviceConnection(
        String device,
        String protocol,
        Map<String, String> config,
        List<PropertyBinding> properties,
        Timeouts timeouts) {

    public DeviceConnection {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(protocol, "protocol");
        config = Map.copyOf(config);
        properties = List.copyOf(properties);
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** A connection with {@link Timeouts#DEFAULT}. */
    public DeviceConnection(
            String device, String protocol, Map<String, String> config, List<PropertyBinding> properties) {
        this(device, protocol, config, properties, Timeouts.DEFAULT);
    }

    /** The property of that name, if the device has one. */
    public Optional<PropertyBinding> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The property names, in order. */
    public List<String> propertyNames() {
        return properties.stream().map(PropertyBinding::name).toList();
    }

    /** The same device with other timeouts. */
    public DeviceConnection withTimeouts(Timeouts newTimeouts) {
        return new DeviceConnection(device, protocol, config, properties, newTimeouts);
    }

    @Override
    public String toString() {
        return "DeviceConnection[device=" + device + ", protocol=" + protocol + ", config=" + Secrets.redact(config)
                + ", properties=" + properties + ", timeouts=" + timeouts + "]";
    }
}
