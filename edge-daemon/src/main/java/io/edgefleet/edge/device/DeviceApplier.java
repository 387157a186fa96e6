package io.edgefleet.edge.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.edge.sync.ResourceApplier;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.device.DesiredDevice;

/**
 * Resource kind {@code Device} in a {@code sync}: writes {@code device_desired} and nothing else.
 * Sessions are the {@link DeviceManager}'s business; it is woken after the sync commits and opens a
 * new session only when a device's generation changed, so a snapshot's {@link #clear} followed by
 * the same devices reconnects nothing.
 */
public final class DeviceApplier implements ResourceApplier {

    @Override
    public String resource() {
        return DesiredDevice.RESOURCE;
    }

    @Override
    public void apply(StoreTransaction tx, ResourceChange change) {
        switch (change.operation()) {
            case UPSERT -> {
                DesiredDevice desired = decode(change);
                if (!desired.name().equals(change.name())) {
                    throw new IllegalArgumentException(
                            "device change " + change.name() + " carries a spec named " + desired.name());
                }
                DeviceTable.upsertDesired(tx.connection(), desired, change.resourceVersion());
            }
            case DELETE -> DeviceTable.deleteDesired(tx.connection(), change.name());
        }
    }

    @Override
    public void clear(StoreTransaction tx) {
        DeviceTable.clearDesired(tx.connection());
    }

    private static DesiredDevice decode(ResourceChange change) {
        try {
            return JsonValues.MAPPER.treeToValue(change.spec().orElseThrow(), DesiredDevice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "device " + change.name() + " has an invalid spec: " + e.getOriginalMessage(), e);
        }
    }
}
