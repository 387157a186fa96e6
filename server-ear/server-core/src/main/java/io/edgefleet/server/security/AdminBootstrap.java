package io.edgefleet.server.security;

import io.edgefleet.server.tenant.TenantRef;
import io.edgefleet.server.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the user {@code admin} (fleet-admin, tenant default) at the first start. Its password comes
 * from {@code FLEET_ADMIN_PASSWORD}, or is generated and written only to a file readable by the
 * server's operating-system user: never to the log.
 */
@ApplicationScoped
public class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Inject
    Users users;

    @Inject
    Tenants tenants;

    public void ensureAdmin(AdminSettings settings) {
        TenantRef tenant = tenants.require(Tenants.DEFAULT);
        if (users.exists(tenant, AdminSettings.ADMIN_USER)) {
            return;
        }
        String password;
        if (settings.initialPassword().isPresent()) {
            password = settings.initialPassword().get();
            if (password.length() < Users.MIN_PASSWORD_LENGTH) {
                LOG.warn(
                        "EF1012 FLEET_ADMIN_PASSWORD is shorter than {} characters; choose a longer one",
                        Users.MIN_PASSWORD_LENGTH);
            }
        } else {
            password = Secrets.newHumanPassword();
            // The file first: an admin whose password nobody knows would lock everyone out.
            writeOwnerOnly(settings.passwordFile(), password);
        }
        try {
            users.createInitialAdmin(tenant, AdminSettings.ADMIN_USER, password);
        } catch (RuntimeException e) {
            if (users.exists(tenant, AdminSettings.ADMIN_USER)) {
                return; // another cluster member created it at the same moment
            }
            throw e;
        }
        if (settings.initialPassword().isPresent()) {
            LOG.info("EF1010 created user 'admin' (fleet-admin) with the password from FLEET_ADMIN_PASSWORD");
        } else {
            LOG.info(
                    "EF1011 created user 'admin' (fleet-admin); its generated password is in {} (readable by the"
                            + " server's user only)",
                    settings.passwordFile());
        }
    }

    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("EF1013 cannot write the initial admin password to " + file, e);
        }
    }
}
