/**
 * Modbus on the wire, with no knowledge of the driver SPI: the four data tables, how a value is
 * laid out over registers, and {@link io.edgefleet.driver.modbus.wire.ModbusLink}, one
 * connection to one unit that answers every request with an {@link
 * io.edgefleet.driver.modbus.wire.Answer} instead of throwing.
 *
 * <p>Start at {@link io.edgefleet.driver.modbus.wire.ModbusLink}; {@link
 * io.edgefleet.driver.modbus.wire.DigitalpetriLink} implements it for TCP ({@link
 * io.edgefleet.driver.modbus.wire.TcpEndpoint}) and RTU ({@link
 * io.edgefleet.driver.modbus.wire.SerialLine}) with digitalpetri's Modbus client. Nothing else
 * in the driver imports that library.
 */
package io.edgefleet.driver.modbus.wire;
