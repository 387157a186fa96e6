package io.edgefleet.driver.modbus.wire;

/** Where a Modbus unit is reached: over TCP or over a serial line. */
public sealed interface Endpoint permits TcpEndpoint, SerialLine {}
