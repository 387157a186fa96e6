package io.edgefleet.server.device;

import io.edgefleet.server.event.EventType;
import io.edgefleet.server.event.Events;
import io.edgefleet.server.event.NewEvent;
import io.edgefleet.server.resource.ChangeLog;
import io.edgefleet.server.resource.SpecResources;
import io.edgefleet.server.resource.SpecRow;
import io.edgefleet.server.resource.SpecRows;
import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A device's connection state changed (the edge reported it Online or Offline): the device, with its
 * new {@code status.state}, goes to the change log for {@code /watch/devices}, and a {@code DeviceOnline}
 * or {@code DeviceOffline} event is recorded, in the transaction of the report.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeviceStateEvents {
    @Inject
    Tenants tenants;

    @Inject
    SpecResources resources;

    @Inject
    Devices devices;

    @Inject
    ChangeLog changeLog;

    @Inject
    Events events;

    public void changed(TenantRef tenant, SpecRow device, String state, String node, Instant now) {
        long version = tenants.advance(tenant);
        changeLog.append(
                tenant,
                version,
                Devices.TABLE.kind(),
                device.name(),
                ChangeLog.Operation.MODIFIED,
                SpecRows.write(resources.get(devices, tenant, device.name())),
                "node:" + node,
                now);
        boolean online = "Online".equals(state);
        events.record(
                tenant,
                NewEvent.system(
                        online ? EventType.NORMAL : EventType.WARNING,
                        online ? "DeviceOnline" : "DeviceOffline",
                        "Device",
                        device.name(),
                        node,
                        "device " + device.name() + " is " + state.toLowerCase(java.util.Locale.ROOT) + " on node "
                                + node),
                now);
    }
}
