package io.edgefleet.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.driver.AccessMode;
import io.edgefleet.driver.PropertyBinding;
import io.edgefleet.driver.PropertyType;
import io.edgefleet.driver.modbus.wire.DataType;
import io.edgefleet.driver.modbus.wire.Layout;
import io.edgefleet.driver.modbus.wire.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadPlanTest {

    @Test
    void contiguousAndOverlappingRegistersShareOneRequest() {
        List<ReadPlan.Batch> plan = ReadPlan.of(
                List.of(
                        point("a", Table.HOLDING, 10, DataType.FLOAT32),
                        point("b", Table.HOLDING, 12, DataType.INT16),
                        point("c", Table.HOLDING, 0, DataType.INT16),
                        point("d", Table.HOLDING, 11, DataType.INT16)),
                125);

        assertThat(plan).extracting(ReadPlan.Batch::describe).containsExactly("holding 0", "holding 10..12");
        assertThat(plan.get(1).points()).extracting(ModbusPoint::name).containsExactly("a", "d", "b");
    }

    @Test
    void tablesGapsAndTheRequestLimitSplitRequests() {
        List<ReadPlan.Batch> plan = ReadPlan.of(
                List.of(
                        point("h0", Table.HOLDING, 0, DataType.FLOAT64),
                        point("h4", Table.HOLDING, 4, DataType.FLOAT64),
                        point("h9", Table.HOLDING, 9, DataType.INT16),
                        point("i1", Table.INPUT, 1, DataType.INT16),
                        point("c1", Table.COIL, 1, DataType.BOOL),
                        point("c2", Table.COIL, 2, DataType.BOOL)),
                6);

        assertThat(plan)
                .extracting(ReadPlan.Batch::describe)
                .containsExactly("holding 0..3", "holding 4..7", "holding 9", "input 1", "coil 1..2");
    }

    private static ModbusPoint point(String name, Table table, int address, DataType type) {
        return new ModbusPoint(
                new PropertyBinding(name, PropertyType.DOUBLE, AccessMode.READ_ONLY, Map.of()),
                table,
                address,
                type,
                Layout.BIG_ENDIAN,
                BigDecimal.ONE);
    }
}
