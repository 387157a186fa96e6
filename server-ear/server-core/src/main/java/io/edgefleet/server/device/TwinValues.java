package io.edgefleet.server.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgefleet.protocol.device.DesiredValue;
import io.edgefleet.protocol.device.DesiredValues;
import io.edgefleet.server.resource.Columns;
import io.edgefleet.server.resource.SpecRow;
import io.edgefleet.server.resource.SpecRows;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The desired half of a device's twin as the node receives it ({@code DeviceDesired}). */
public final class TwinValues {
    private TwinValues() {}

    @SuppressWarnings("unchecked")
    public static DesiredValues desired(EntityManager em, SpecRow device) {
        Map<String, DesiredValue> values = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT property, desired_json, desired_version, desired_by,"
                        + " desired_at FROM twin_property WHERE device_id = ?1 AND desired_json IS NOT NULL"
                        + " ORDER BY property")
                .setParameter(1, device.id())
                .getResultList();
        for (Object[] row : rows) {
            try {
                values.put(
                        (String) row[0],
                        new DesiredValue(
                                SpecRows.MAPPER.readTree(Columns.text(row[1]).orElseThrow()),
                                Columns.number(row[2]),
                                Columns.text(row[3]).orElse(""),
                                Columns.instant(row[4]).orElse(Instant.EPOCH)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored desired value cannot be read", e);
            }
        }
        return new DesiredValues(device.name(), values);
    }
}
