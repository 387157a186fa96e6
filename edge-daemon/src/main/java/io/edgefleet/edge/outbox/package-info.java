/**
 * The outbox: every reliable upstream message is stored with the node's next sequence number before
 * it is sent, and deleted only when the server acknowledges it (DESIGN section 3, decision 0001).
 *
 * <p>Start at {@link io.edgefleet.edge.outbox.Outbox} (durable, gapless append and ack), then {@link
 * io.edgefleet.edge.outbox.OutboxSender} (in-order sending with a window, resume after {@code hello},
 * resend on ack timeout).
 */
package io.edgefleet.edge.outbox;
