package io.edgefleet.desktop.session;

import io.edgefleet.desktop.api.ConnectionMonitor;
import io.edgefleet.desktop.api.Credentials;
import io.edgefleet.desktop.api.FleetClient;

/** A signed-in session: the client every view calls through, the monitor, and who signed in. */
public record Session(FleetClient client, Credentials credentials, ConnectionMonitor monitor, Me me) {

    /** {@code GET /api/v1/me}. */
    public record Me(String username, String role, String tenant) {}
}
