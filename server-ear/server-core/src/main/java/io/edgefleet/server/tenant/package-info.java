/**
 * Tenants: the unit of isolation. Every table carries a tenant id, and each tenant has one
 * resourceVersion counter that orders all its changes (DESIGN section 2).
 *
 * <p>Start at {@link io.edgefleet.server.tenant.Tenants}.
 */
package io.edgefleet.server.tenant;
