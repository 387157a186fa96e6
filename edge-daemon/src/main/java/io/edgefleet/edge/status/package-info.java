/**
 * The {@code status} command: the node, its link and its outbox, read from the store without the
 * daemon or the cloud. Start at {@link io.edgefleet.edge.status.StatusCommand}.
 */
package io.edgefleet.edge.status;
