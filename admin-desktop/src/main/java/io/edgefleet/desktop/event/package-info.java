/**
 * The events view: the tenant's operational and audit events, newest first, live from {@code
 * /api/v1/watch/events} and filterable by type, reason, node and text. Start at {@link
 * io.edgefleet.desktop.event.EventsViewModel}.
 */
package io.edgefleet.desktop.event;
