/**
 * Desired-state sync to edge nodes (DESIGN section 3, down). {@link
 * io.edgefleet.server.sync.DesiredState} builds a node's next batch from its assignment rows; {@link
 * io.edgefleet.server.sync.SyncPusher} decides when to send one; {@link
 * io.edgefleet.server.sync.Compaction} trims the change log and tombstones.
 */
package io.edgefleet.server.sync;
