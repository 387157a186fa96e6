package io.edgefleet.protocol.device;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The type of a device-model property and so of its values on the wire (JSON number, boolean or string). */
public enum ValueType {
    /** A whole number (JSON integer, signed 64 bit). */
    @JsonProperty("int")
    INT,
    /** A single-precision number (JSON number). */
    @JsonProperty("float")
    FLOAT,
    /** A double-precision number (JSON number). */
    @JsonProperty("double")
    DOUBLE,
    /** JSON true or false. */
    @JsonProperty("bool")
    BOOL,
    /** A JSON string. */
    @JsonProperty("string")
    STRING,
    /** A JSON string, one of the property's symbols. */
    @JsonProperty("enum")
    ENUM
}
