package io.edgefleet.desktop.twin;

import com.fasterxml.jackson.databind.JsonNode;

/** The outcome of checking a typed desired value against its model property. */
public sealed interface DesiredCheck {
    /** Fits the model: {@code value} is the JSON to send. */
    record Accepted(JsonNode value) implements DesiredCheck {}

    /** Does not fit: {@code reason} says why, for the person who typed it. */
    record Refused(String reason) implements DesiredCheck {}
}
