package io.edgefleet.server.config;

import java.nio.file.Path;

/**
 * Where the server keeps its local files: the embedded H2 database (configured in server.xml from the
 * same key), the embedded broker's journal and the initial admin password.
 *
 * @param dataDir {@code fleet.data.dir} ({@code FLEET_DATA_DIR}); default {@code data} under the
 *     Liberty server's output directory, which is the server process's working directory
 */
public record ServerSettings(Path dataDir) {
    public static final String DATA_DIR = "fleet.data.dir";

    public static ServerSettings from(SettingsReader settings) {
        return new ServerSettings(settings.path(DATA_DIR, Path.of("data")));
    }
}
