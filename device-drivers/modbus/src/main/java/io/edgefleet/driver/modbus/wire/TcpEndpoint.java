package io.edgefleet.driver.modbus.wire;

import java.util.Objects;

/**
 * A Modbus TCP server and the unit behind it.
 *
 * @param host name or address
 * @param port TCP port, 502 by convention
 * @param unitId the unit identifier put in every request (0-255; gateways route on it)
 */
public record TcpEndpoint(String host, int port, int unitId) implements Endpoint {
    public TcpEndpoint {
        Objects.requireNonNull(host, "host");
    }

    @Override
    public String toString() {
        return host + ":" + port + " unit " + unitId;
    }
}
