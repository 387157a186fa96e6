package io.edgefleet.edge.device;

import io.edgefleet.edge.device.driver.DriverCatalog;
import io.edgefleet.edge.device.rule.RuleEngine;
import io.edgefleet.edge.device.telemetry.TelemetryBuffer;
import io.edgefleet.edge.outbox.Outbox;
import io.edgefleet.edge.store.EdgeStore;
import java.util.function.BooleanSupplier;

/**
 * What every device worker shares: the store, the outbox, the telemetry buffer, the rules, the
 * drivers (loaded on first use), whether the link is up (edge changes wait while it is down, so
 * that offline changes collapse, decision 0005), the feed of the local bus and the reporter that
 * appends the devices' twin reports together.
 */
record DeviceContext(
        EdgeStore store,
        Outbox outbox,
        TelemetryBuffer telemetry,
        RuleEngine rules,
        DriverCatalog drivers,
        BooleanSupplier linkUp,
        DeviceSettings settings,
        DeviceFeed feed,
        TwinReporter reporter) {}
