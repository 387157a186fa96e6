/**
 * Events (DESIGN section 2): what happened in the fleet (nodes online and offline, workloads failing,
 * devices losing their connection) and who changed what. Stored in the {@code event} table for
 * queries and written to the change log, so the watch API streams them (decision record 0006).
 */
package io.edgefleet.server.event;
