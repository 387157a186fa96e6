package io.edgefleet.server.link;

/** Whether a link can carry traffic right now. */
public enum LinkState {
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    CLOSED
}
