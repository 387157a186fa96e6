package io.edgefleet.protocol;

/** The outcome of decoding bytes from the wire: a message, or a refusal with a stable code. */
public sealed interface DecodeResult {

    /** The bytes were a valid message. */
    record Decoded(Envelope envelope) implements DecodeResult {}

    /**
     * The bytes were refused.
     *
     * @param code stable, for metrics labels and log ids: {@code too-large}, {@code malformed-json},
     *     {@code unsupported-version}, {@code unknown-kind}, {@code invalid-envelope}, {@code
     *     invalid-body}
     * @param reason for a person; never longer than a short prefix of the input
     */
    record Rejected(String code, String reason) implements DecodeResult {}
}
