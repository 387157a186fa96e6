package io.edgefleet.server.link;

/**
 * Checks the credentials an edge node presents to the embedded broker. Implemented by the server's
 * domain against the credentials issued at enrollment.
 */
public interface NodeAuthenticator {

    /** Username form: {@code node@tenant}, as Eclipse Hono's MQTT adapter expects. */
    NodeAuthentication authenticate(String username, String password);

    /** Outcome of an authentication. */
    sealed interface NodeAuthentication {
        /** A known node with valid credentials. */
        record Authenticated(String tenant, String node) implements NodeAuthentication {}

        /** Refused; {@code reason} is for the log and never contains the password. */
        record Denied(String reason) implements NodeAuthentication {}
    }
}
