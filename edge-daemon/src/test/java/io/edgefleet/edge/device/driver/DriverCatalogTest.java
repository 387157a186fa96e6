package io.edgefleet.edge.device.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DriverException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the catalog picks, refuses and reports plug-ins that are broken or clash, with no real driver. */
class DriverCatalogTest {
    @TempDir
    Path dir;

    private DriverCatalog catalog() {
        return new DriverCatalog(new DaemonSideLoader(getClass().getClassLoader()), Optional.of(dir));
    }

    private void plugin(String name, String protocols) throws IOException {
        Path plugin = Files.createDirectories(dir.resolve(name));
        Files.writeString(plugin.resolve(DriverPlugin.DESCRIPTOR), "protocols=" + protocols + "\n");
        try (OutputStream out = Files.newOutputStream(plugin.resolve(name + ".jar"));
                JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.flush(); // a jar that registers no driver
        }
    }

    private static DeviceConnection device(String protocol) {
        return new DeviceConnection("d-1", protocol, Map.of(), List.of());
    }

    private static DriverException refusal(DriverCatalog catalog, String protocol) {
        return (DriverException) catchThrowable(() -> catalog.open(device(protocol)));
    }

    @Test
    void aPluginWhoseJarsDoNotServeWhatItDeclaresIsRefusedForIt() throws IOException {
        plugin("ghost", "ghost-protocol");
        try (DriverCatalog catalog = catalog()) {
            DriverException first = refusal(catalog, "ghost-protocol");

            assertThat(first.code()).isEqualTo(DriverException.DRIVER_LOAD_FAILED);
            assertThat(first.getMessage()).contains("'ghost'", "ghost-protocol");
            assertThat(refusal(catalog, "ghost-protocol").getMessage()).isEqualTo(first.getMessage());
            assertThat(catalog.loadedPlugins())
                    .as("loaded once, not again per attempt")
                    .containsExactly("ghost");
        }
    }

    @Test
    void twoPluginsDeclaringOneProtocolAreBothRefusedForIt() throws IOException {
        plugin("one", "twice");
        plugin("two", "twice,other");
        try (DriverCatalog catalog = catalog()) {
            assertThat(refusal(catalog, "twice").code()).isEqualTo(DriverException.DUPLICATE_PROTOCOL);
            assertThat(catalog.loadedPlugins()).isEmpty();
        }
    }

    @Test
    void anUnknownProtocolIsRefusedNamingWhatThereIs() throws IOException {
        plugin("one", "known");
        try (DriverCatalog catalog = catalog()) {
            DriverException refused = refusal(catalog, "unknown");

            assertThat(refused.code()).isEqualTo(DriverException.UNKNOWN_PROTOCOL);
            assertThat(catalog.protocols()).containsExactly("known");
        }
    }

    @Test
    void aDirectoryWithoutDescriptorOrJarIsIgnored() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        Path noJar = Files.createDirectories(dir.resolve("no-jar"));
        Files.writeString(noJar.resolve(DriverPlugin.DESCRIPTOR), "protocols=x\n");
        try (DriverCatalog catalog = catalog()) {
            assertThat(catalog.protocols()).isEmpty();
        }
    }

    @Test
    void aClassPathDriverWinsOverAPluginDeclaringItsProtocol() throws IOException {
        plugin("shadow", "simulated");
        try (DriverCatalog catalog = new DriverCatalog(getClass().getClassLoader(), Optional.of(dir))) {
            DeviceConnection unreachable =
                    new DeviceConnection("d-1", "simulated", Map.of("unreachable", "true"), List.of());

            // The built-in simulated driver answers (as configured: unreachable), not the plug-in.
            assertThatThrownBy(() -> catalog.open(unreachable))
                    .isInstanceOfSatisfying(
                            DriverException.class, e -> assertThat(e.code()).isEqualTo(DriverException.UNREACHABLE));
            assertThat(catalog.loadedPlugins()).isEmpty();
        }
    }
}
