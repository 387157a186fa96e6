package io.edgefleet.server.link;

/**
 * A message the link refused.
 *
 * @param code stable reason, used as a metrics label: the codec's codes ({@code malformed-json},
 *     {@code too-large}, …) plus {@code unknown-topic}, {@code node-mismatch} (the envelope claims
 *     another node than the topic), {@code wrong-channel} (a kind sent on a channel it does not
 *     travel on)
 * @param topic where it arrived, for the log
 * @param reason for a person
 */
public record RejectedMessage(String code, String topic, String reason) {}
