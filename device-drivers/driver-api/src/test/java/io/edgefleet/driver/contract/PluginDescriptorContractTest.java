package io.edgefleet.driver.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgefleet.driver.Drivers;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A driver packaged as a plug-in of the edge daemon declares its protocols in {@code
 * src/plugin/driver.properties}, so that the daemon can pick the plug-in for a device without opening
 * any jar (decision 0010). A driver module extends this class as {@code PluginDescriptorTest}: the
 * list must name exactly the protocols the module's drivers register, or a device would load the
 * wrong plug-in, or none.
 */
public abstract class PluginDescriptorContractTest {
    @Test
    void descriptorDeclaresExactlyTheProtocolsTheJarRegisters() throws IOException {
        Properties descriptor = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/plugin/driver.properties"), StandardCharsets.UTF_8)) {
            descriptor.load(in);
        }
        Set<String> declared = new TreeSet<>();
        Arrays.stream(descriptor.getProperty("protocols", "").split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .forEach(declared::add);

        assertThat(declared).isEqualTo(Drivers.load(getClass().getClassLoader()).protocols());
    }
}
