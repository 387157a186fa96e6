package io.edgefleet.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminBootstrapTest {

    @Test
    void generatedPasswordFileIsReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/initial-admin-password");

        AdminBootstrap.writeOwnerOnly(file, "s3cret");

        assertThat(Files.readString(file).strip()).isEqualTo("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void anExistingFileIsReplacedWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("initial-admin-password");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AdminBootstrap.writeOwnerOnly(file, "new");

        assertThat(Files.readString(file).strip()).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void settingsNeverPrintThePassword() {
        AdminSettings settings = new AdminSettings(java.util.Optional.of("hunter2-hunter2"), Path.of("/tmp"));

        assertThat(settings.toString()).doesNotContain("hunter2");
    }
}
