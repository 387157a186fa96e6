package io.edgefleet.desktop.session;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The last server address and user name that signed in. The password is never stored. */
public interface ServerMemory {

    Optional<String> address();

    Optional<String> user();

    void remember(String address, String user);

    /** In java.util.prefs under {@code node} (the user's preferences, ~/.java on Linux). */
    static ServerMemory preferences(String node) {
        Preferences prefs = Preferences.userRoot().node(node);
        return new ServerMemory() {
            @Override
            public Optional<String> address() {
                return Optional.ofNullable(prefs.get("server-address", null));
            }

            @Override
            public Optional<String> user() {
                return Optional.ofNullable(prefs.get("user", null));
            }

            @Override
            public void remember(String address, String user) {
                prefs.put("server-address", address);
                prefs.put("user", user);
                try {
                    prefs.flush();
                } catch (BackingStoreException e) {
                    // Remembering is a convenience: the session goes on without it.
                }
            }
        };
    }

    /** Kept in memory only (the tests). */
    static ServerMemory inMemory() {
        return new ServerMemory() {
            private Optional<String> address = Optional.empty();
            private Optional<String> user = Optional.empty();

            @Override
            public Optional<String> address() {
                return address;
            }

            @Override
            public Optional<String> user() {
                return user;
            }

            @Override
            public void remember(String address, String user) {
                this.address = Optional.of(address);
                this.user = Optional.of(user);
            }
        };
    }
}
