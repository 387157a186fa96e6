package io.edgefleet.server.resource;

import io.edgefleet.server.tenant.TenantRef;
import java.time.Instant;

/**
 * Fired (synchronously, in the change's transaction) for every change-log row, so that what depends
 * on changes, such as the audit trail, needs no call from each place that changes something.
 */
public record ResourceChanged(
        TenantRef tenant, String kind, String name, ChangeLog.Operation operation, String changedBy, Instant at) {}
