package io.edgefleet.edge.config;

import java.util.Objects;

/**
 * A credential (token, password). Its {@link #toString()} never shows the value, so a secret that
 * ends up in a log line, an exception or a record's {@code toString} stays hidden; only {@link
 * #reveal()} hands it out, at the one place that must send it.
 */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
