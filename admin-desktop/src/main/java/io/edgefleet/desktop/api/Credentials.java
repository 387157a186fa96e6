package io.edgefleet.desktop.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Who signs in. Kept in memory for the session only; {@link #toString} never shows the password. */
public record Credentials(String user, String password) {

    /** The value of the Authorization header (HTTP Basic). */
    public String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
