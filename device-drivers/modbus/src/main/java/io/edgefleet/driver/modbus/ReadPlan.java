package io.edgefleet.driver.modbus;

import io.edgefleet.driver.modbus.wire.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the points of one read into as few requests as possible: points of the same table whose
 * addresses touch or overlap share a request, up to the per-request limit. Gaps are never read
 * across, so no request asks for an address nobody configured (a device may have none there).
 */
final class ReadPlan {

    /**
     * One request: {@code count} registers or bits of {@code table} from {@code start}, carrying
     * {@code points}.
     */
    record Batch(Table table, int start, int count, List<ModbusPoint> points) {
        Batch {
            points = List.copyOf(points);
        }

        /** {@code holding 0..11}, for messages. */
        String describe() {
            return count == 1 ? table.key() + " " + start : table.key() + " " + start + ".." + (start + count - 1);
        }
    }

    private ReadPlan() {}

    /** The requests that read {@code points}, each point in exactly one, ordered by table and address. */
    static List<Batch> of(List<ModbusPoint> points, int maxRegisters) {
        List<ModbusPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(ModbusPoint::table)
                .thenComparingInt(ModbusPoint::address)
                .thenComparingInt(ModbusPoint::end));
        List<Batch> batches = new ArrayList<>();
        List<ModbusPoint> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (ModbusPoint point : sorted) {
            int limit = point.table().isBits() ? Table.MAX_BITS_PER_READ : maxRegisters;
            boolean joins = !current.isEmpty()
                    && current.getFirst().table() == point.table()
                    && point.address() <= end + 1
                    && Math.max(end, point.end()) - start + 1 <= limit;
            if (joins) {
                current.add(point);
                end = Math.max(end, point.end());
            } else {
                if (!current.isEmpty()) {
                    batches.add(new Batch(current.getFirst().table(), start, end - start + 1, current));
                }
                current = new ArrayList<>(List.of(point));
                start = point.address();
                end = point.end();
            }
        }
        if (!current.isEmpty()) {
            batches.add(new Batch(current.getFirst().table(), start, end - start + 1, current));
        }
        return batches;
    }
}
