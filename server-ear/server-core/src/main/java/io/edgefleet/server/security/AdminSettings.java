package io.edgefleet.server.security;

import io.edgefleet.server.config.ServerSettings;
import io.edgefleet.server.config.SettingsReader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The first administrator.
 *
 * @param initialPassword {@code fleet.admin.password} ({@code FLEET_ADMIN_PASSWORD}): the password of
 *     user {@code admin} created at the first start; when unset a random one is generated and written
 *     to {@link #passwordFile()} only
 * @param dataDir where that file goes
 */
public record AdminSettings(Optional<String> initialPassword, Path dataDir) {
    public static final String ADMIN_PASSWORD = "fleet.admin.password";
    public static final String ADMIN_USER = "admin";

    public static AdminSettings from(SettingsReader settings, ServerSettings server) {
        return new AdminSettings(settings.string(ADMIN_PASSWORD), server.dataDir());
    }

    public Path passwordFile() {
        return dataDir.resolve("initial-admin-password");
    }

    @Override
    public String toString() {
        return "AdminSettings[initialPassword=" + (initialPassword.isPresent() ? "(set)" : "(unset)") + ", dataDir="
                + dataDir + "]";
    }
}
