package io.edgefleet.driver.modbus;

import io.edgefleet.driver.ConfigCheck;
import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.modbus.wire.DataType;
import io.edgefleet.driver.modbus.wire.Endian;
import io.edgefleet.driver.modbus.wire.Endpoint;
import io.edgefleet.driver.modbus.wire.Layout;
import io.edgefleet.driver.modbus.wire.SerialLine;
import io.edgefleet.driver.modbus.wire.Table;
import io.edgefleet.driver.modbus.wire.TcpEndpoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a device's connection config and property visitors into a {@link ModbusDevice}, recording
 * every problem in a {@link ConfigCheck}. The keys are listed on {@link ModbusTcpDriver} and
 * {@link ModbusRtuDriver}.
 */
final class ModbusConfig {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String UNIT_ID = "unit-id";
    static final String WORD_ORDER = "word-order";
    static final String BYTE_ORDER = "byte-order";
    static final String MAX_REGISTERS = "max-registers-per-read";
    static final String SERIAL_PORT = "serial-port";
    static final String BAUD = "baud";
    static final String DATA_BITS = "data-bits";
    static final String PARITY = "parity";
    static final String STOP_BITS = "stop-bits";

    static final String TABLE = "table";
    static final String ADDRESS = "address";
    static final String DATA_TYPE = "data-type";
    static final String SCALE = "scale";

    static final Set<String> TCP_KEYS = Set.of(HOST, PORT, UNIT_ID, WORD_ORDER, BYTE_ORDER, MAX_REGISTERS);
    static final Set<String> RTU_KEYS =
            Set.of(SERIAL_PORT, BAUD, DATA_BITS, PARITY, STOP_BITS, UNIT_ID, WORD_ORDER, BYTE_ORDER, MAX_REGISTERS);
    static final Set<String> VISITOR_KEYS = Set.of(TABLE, ADDRESS, DATA_TYPE, WORD_ORDER, BYTE_ORDER, SCALE);

    private static final int MAX_ADDRESS = 0xFFFF;

    private ModbusConfig() {}

    /** A {@code modbus-tcp} device. */
    static ModbusDevice tcp(ConfigCheck check, DeviceConnection connection) {
        ConfigCheck.Section config = check.config();
        String host = config.requiredText(HOST).orElse("").strip();
        int port = (int) config.integer(PORT, 502, 1, 65535);
        int unitId = (int) config.integer(UNIT_ID, 1, 0, 255);
        config.allowOnly(TCP_KEYS);
        return device(check, connection, new TcpEndpoint(host, port, unitId));
    }

    /** A {@code modbus-rtu} device. */
    static ModbusDevice rtu(ConfigCheck check, DeviceConnection connection) {
        ConfigCheck.Section config = check.config();
        String port = config.requiredText(SERIAL_PORT).orElse("").strip();
        int baud = (int) config.integer(BAUD, 9600, 50, 4_000_000);
        int dataBits = (int) config.integer(DATA_BITS, 8, 5, 8);
        String parity = config.oneOf(PARITY, "none", SerialLine.Parity.keys());
        String stopBits = config.oneOf(STOP_BITS, "1", SerialLine.StopBits.keys());
        // 0 is broadcast (no answer) and 248-255 are reserved on a serial line.
        int unitId = (int) config.integer(UNIT_ID, 1, 1, 247);
        config.allowOnly(RTU_KEYS);
        SerialLine line = new SerialLine(
                port, baud, dataBits, SerialLine.Parity.ofKey(parity), SerialLine.StopBits.ofKey(stopBits), unitId);
        return device(check, connection, line);
    }

    private static ModbusDevice device(ConfigCheck check, DeviceConnection connection, Endpoint endpoint) {
        ConfigCheck.Section config = check.config();
        Layout layout = new Layout(
                Endian.ofKey(config.oneOf(WORD_ORDER, "big", Endian.KEYS)),
                Endian.ofKey(config.oneOf(BYTE_ORDER, "big", Endian.KEYS)));
        int maxRegisters = (int) config.integer(MAX_REGISTERS, Table.MAX_REGISTERS_PER_READ, 4, 125);
        List<ModbusPoint> points = new ArrayList<>();
        for (PropertyBinding binding : connection.properties()) {
            point(check, binding, layout).ifPresent(points::add);
        }
        return new ModbusDevice(endpoint, maxRegisters, points);
    }

    /** The property's point, or empty if its visitor has problems (all of them recorded). */
    static Optional<ModbusPoint> point(ConfigCheck check, PropertyBinding binding, Layout defaults) {
        int before = check.problems().size();
        ConfigCheck.Section visitor = check.visitor(binding);
        PropertyType type = binding.type();
        if (type == PropertyType.STRING || type == PropertyType.ENUM) {
            visitor.report(
                    DATA_TYPE, "a " + type + " property has no Modbus encoding here: use INT, FLOAT, DOUBLE or BOOL");
        }
        Optional<Table> table = visitor.requiredText(TABLE).isPresent()
                ? Table.ofKey(visitor.oneOf(TABLE, "", Table.keys()))
                : Optional.empty();
        OptionalLong address = visitor.requiredText(ADDRESS).isPresent()
                ? visitor.integer(ADDRESS, 0, MAX_ADDRESS)
                : OptionalLong.empty();
        DataType dataType = DataType.ofKey(
                        visitor.oneOf(DATA_TYPE, defaultDataType(type).key(), DataType.keys()))
                .orElse(DataType.INT16);
        Layout layout = new Layout(
                Endian.ofKey(visitor.oneOf(WORD_ORDER, defaults.wordOrder().key(), Endian.KEYS)),
                Endian.ofKey(visitor.oneOf(BYTE_ORDER, defaults.byteOrder().key(), Endian.KEYS)));
        double scale = visitor.number(SCALE, 1.0);
        if (scale == 0) {
            visitor.report(SCALE, "must not be 0");
        }
        visitor.allowOnly(VISITOR_KEYS);
        table.ifPresent(t -> checkFits(visitor, binding, t, dataType, scale));
        if (table.isPresent() && address.isPresent()) {
            long count = table.get().isBits() ? 1 : dataType.registers();
            if (address.getAsLong() + count - 1 > MAX_ADDRESS) {
                visitor.report(
                        ADDRESS,
                        address.getAsLong() + " + " + count + " registers of " + dataType.key()
                                + " goes past the last address " + MAX_ADDRESS);
            }
        }
        if (check.problems().size() > before || table.isEmpty() || address.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModbusPoint(
                binding, table.get(), (int) address.getAsLong(), dataType, layout, BigDecimal.valueOf(scale)));
    }

    private static void checkFits(
            ConfigCheck.Section visitor, PropertyBinding binding, Table table, DataType dataType, double scale) {
        PropertyType type = binding.type();
        if (binding.isWritable() && !table.isWritable()) {
            visitor.report(
                    TABLE,
                    "a READ_WRITE property cannot live in table '" + table.key()
                            + "': the device does not accept writes there; use "
                            + (table.isBits() ? "coil" : "holding") + " or make the property READ_ONLY");
        }
        if (table.isBits()) {
            if (type != PropertyType.BOOL) {
                visitor.report(TABLE, "table '" + table.key() + "' holds bits: the property must be BOOL, not " + type);
            } else if (dataType != DataType.BOOL) {
                visitor.report(DATA_TYPE, "table '" + table.key() + "' holds bits: data-type must be bool");
            }
        } else if (type == PropertyType.BOOL && dataType != DataType.BOOL) {
            visitor.report(DATA_TYPE, "a BOOL property in registers uses data-type bool, not " + dataType.key());
        } else if (type != PropertyType.BOOL && dataType == DataType.BOOL) {
            visitor.report(DATA_TYPE, "data-type bool needs a BOOL property, this one is " + type);
        } else if (type == PropertyType.INT && !dataType.isInteger()) {
            visitor.report(DATA_TYPE, "an INT property needs an integer data-type (int16, uint16, int32, uint32)");
        }
        if (scale != 1.0 && (type == PropertyType.INT || type == PropertyType.BOOL)) {
            visitor.report(SCALE, "applies to FLOAT and DOUBLE properties only, this one is " + type);
        }
    }

    private static DataType defaultDataType(PropertyType type) {
        return switch (type) {
            case FLOAT -> DataType.FLOAT32;
            case DOUBLE -> DataType.FLOAT64;
            case BOOL -> DataType.BOOL;
            default -> DataType.INT16;
        };
    }
}
