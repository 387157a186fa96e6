package io.edgefleet.edge.link;

import java.util.Locale;

/** The link's state as recorded in the store for the {@code status} command. */
public enum LinkState {
    CONNECTED,
    DISCONNECTED,
    STOPPED;

    /** The value stored in meta and shown by {@code status}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
