/**
 * The {@code modbus-tcp} and {@code modbus-rtu} device drivers: holding and input registers,
 * coils and discrete inputs of a Modbus unit, as typed properties.
 *
 * <p>Start at {@link io.edgefleet.driver.modbus.ModbusTcpDriver}: its comment lists every
 * connection and visitor key ({@link io.edgefleet.driver.modbus.ModbusRtuDriver} adds the serial
 * line's). {@link io.edgefleet.driver.modbus.ModbusConfig} checks a configuration, {@link
 * io.edgefleet.driver.modbus.ReadPlan} groups registers into requests, {@link
 * io.edgefleet.driver.modbus.RegisterCodec} converts registers to values, and {@link
 * io.edgefleet.driver.modbus.ModbusSession} reads, writes and reconnects. The protocol itself is
 * in {@link io.edgefleet.driver.modbus.wire}.
 *
 * <p>Log ids: {@code EF4301} the connection to a device was lost (the session reconnects), {@code
 * EF4302} it is connected again, {@code EF4303} (debug) a reconnect attempt failed.
 */
package io.edgefleet.driver.modbus;
