/**
 * The cloud–edge wire contract shared by the server, the edge daemon and the desktop.
 *
 * <p>Start reading at {@link io.edgefleet.protocol.Envelope} (what travels), {@link
 * io.edgefleet.protocol.MessageKind} (which bodies exist, and which way they go), {@link
 * io.edgefleet.protocol.Topics} (where they travel) and {@link io.edgefleet.protocol.ProtocolCodec}
 * (how they are encoded and how hostile input is refused). {@code docs/protocol.md} describes every
 * message for people; keep both in step.
 */
package io.edgefleet.protocol;
