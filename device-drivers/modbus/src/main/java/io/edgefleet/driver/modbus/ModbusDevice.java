package io.edgefleet.driver.modbus;

import io.edgefleet.driver.modbus.wire.Endpoint;
import java.util.List;
import java.util.Objects;

/**
 * A device's Modbus configuration, checked: where it is, how much one read may ask for, and where
 * each property lives. Built by {@link ModbusConfig}.
 *
 * @param endpoint the TCP server or serial line, with the unit id
 * @param maxRegistersPerRead the most registers one read request asks for (bits: up to 2000)
 * @param points one per property, in the device model's order
 */
record ModbusDevice(Endpoint endpoint, int maxRegistersPerRead, List<ModbusPoint> points) {
    ModbusDevice {
        Objects.requireNonNull(endpoint, "endpoint");
        points = List.copyOf(points);
    }
}
