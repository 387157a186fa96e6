package io.edgefleet.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This daemon's version, written into {@code version.properties} by the build. */
public final class AgentVersion {
    private static final String VERSION = load();

    private AgentVersion() {}

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AgentVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "0.0.0-dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // An unfiltered resource (running from an IDE without Maven) still yields a usable value.
            return version.isEmpty() || version.startsWith("${") ? "0.0.0-dev" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
