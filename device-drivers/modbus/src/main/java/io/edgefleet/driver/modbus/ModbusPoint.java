package io.edgefleet.driver.modbus;

import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.modbus.wire.DataType;
import io.edgefleet.driver.modbus.wire.Layout;
import io.edgefleet.driver.modbus.wire.Table;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A property's place on the device, from its visitor.
 *
 * @param binding the property
 * @param table the data table
 * @param address the first address (0-based, as on the wire)
 * @param dataType how the value is encoded; BOOL for coils and discrete inputs
 * @param layout word and byte order of multi-register values
 * @param scale engineering value = raw value × scale (1 unless given)
 */
record ModbusPoint(
        PropertyBinding binding, Table table, int address, DataType dataType, Layout layout, BigDecimal scale) {

    ModbusPoint {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(scale, "scale");
    }

    String name() {
        return binding.name();
    }

    /** Registers (or bits) the value takes. */
    int count() {
        return table.isBits() ? 1 : dataType.registers();
    }

    /** The last address the value takes. */
    int end() {
        return address + count() - 1;
    }

    boolean scaled() {
        return scale.compareTo(BigDecimal.ONE) != 0;
    }

    /** {@code holding 10..11 (float32)}, for messages. */
    String describe() {
        String where = count() == 1 ? table.key() + " " + address : table.key() + " " + address + ".." + end();
        return table.isBits() ? where : where + " (" + dataType.key() + ")";
    }
}
