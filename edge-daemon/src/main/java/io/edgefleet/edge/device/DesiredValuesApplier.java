package io.edgefleet.edge.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.edge.sync.ResourceApplier;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.device.DesiredValue;
import io.edgefleet.protocol.device.DesiredValues;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resource kind {@code DeviceDesired} (resource name = device name): replaces the device's synced
 * desired values and, in the same transaction, settles the edge changes a synced version above
 * their base answers (decision 0005). An edge change the sync predates stays and keeps winning on
 * the device until the server's answer arrives.
 */
public final class DesiredValuesApplier implements ResourceApplier {
    private static final Logger LOG = LoggerFactory.getLogger(DesiredValuesApplier.class);

    @Override
    public String resource() {
        return DesiredValues.RESOURCE;
    }

    @Override
    public void apply(StoreTransaction tx, ResourceChange change) {
        switch (change.operation()) {
            case UPSERT -> {
                DesiredValues values = decode(change);
                if (!values.device().equals(change.name())) {
                    throw new IllegalArgumentException(
                            "desired values change " + change.name() + " names device " + values.device());
                }
                TwinTable.replaceSynced(tx.connection(), values.device(), values.values());
                settle(tx, values.device(), values.values());
            }
            case DELETE -> TwinTable.deleteSynced(tx.connection(), change.name());
        }
    }

    @Override
    public void clear(StoreTransaction tx) {
        TwinTable.clearSynced(tx.connection());
    }

    private static void settle(StoreTransaction tx, String device, Map<String, DesiredValue> synced) {
        for (EdgeChange pending : TwinTable.edgeChanges(tx.connection(), device).values()) {
            DesiredValue now = synced.get(pending.property());
            if (now != null && pending.settledBy(now.version())) {
                TwinTable.deleteEdgeChange(tx.connection(), device, pending.property());
                boolean accepted = JsonValues.same(now.value(), pending.value());
                LOG.info(
                        "EF3711 edge change of {}.{} settled by desired version {} (base {}): {}",
                        device,
                        pending.property(),
                        now.version(),
                        pending.baseVersion(),
                        accepted
                                ? "the cloud holds the edge value"
                                : "the cloud's value " + now.value() + " by " + now.by() + " wins over the edge's "
                                        + pending.value());
            }
        }
    }

    private static DesiredValues decode(ResourceChange change) {
        try {
            return JsonValues.MAPPER.treeToValue(change.spec().orElseThrow(), DesiredValues.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "desired values of " + change.name() + " are invalid: " + e.getOriginalMessage(), e);
        }
    }
}
