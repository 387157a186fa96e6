package io.edgefleet.edge.device.driver;

import io.edgefleet.driver.DeviceConnection;
import io.edgefleet.driver.DeviceDriver;
import io.edgefleet.driver.DriverException;
import io.edgefleet.driver.DriverSession;
import io.edgefleet.driver.Drivers;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers a daemon can use, loaded no earlier than needed: the built-in drivers (those its own
 * class loader finds with {@link ServiceLoader}) at the first device, and a plug-in at the first
 * device of one of its protocols. A node without devices loads no driver; a node with Modbus devices
 * only never opens the OPC UA plug-in's jars (their central directories alone would take more than a
 * megabyte of heap). Each plug-in has a class loader of its own, so two plug-ins may bring different
 * versions of one library. A built-in driver wins over a plug-in declaring the same protocol; two
 * plug-ins declaring one protocol are both refused for it. Thread-safe.
 */
public final class DriverCatalog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DriverCatalog.class);

    private final ClassLoader builtInLoader;
    private final Optional<Path> pluginDir;
    private Drivers builtIn;
    private Map<String, List<DriverPlugin>> pluginsByProtocol;
    private final Map<String, Drivers> loadedPlugins = new HashMap<>();
    /** A plug-in that failed to load is not tried again until the daemon restarts (it would fail alike). */
    private final Map<String, DriverException> failedPlugins = new HashMap<>();

    private final List<URLClassLoader> loaders = new ArrayList<>();

    /**
     * @param builtInLoader the class loader whose drivers are built in
     * @param pluginDir the directory of the plug-in directories; none when empty
     */
    public DriverCatalog(ClassLoader builtInLoader, Optional<Path> pluginDir) {
        this.builtInLoader = builtInLoader;
        this.pluginDir = pluginDir;
    }

    /**
     * The {@code drivers} directory beside the jar (or the class folder) {@code type} was loaded
     * from, if there is one: where the packaging puts the plug-ins.
     */
    public static Optional<Path> besideCodeOf(Class<?> type) {
        try {
            Path code = Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(code.getParent())
                    .map(parent -> parent.resolve("drivers"))
                    .filter(Files::isDirectory);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Finds the driver of the device's protocol (loading it first if needed), validates the device and
     * opens a session, as {@link Drivers#open} does.
     *
     * @throws DriverException {@link DriverException#UNKNOWN_PROTOCOL} naming every protocol there is,
     *     {@link DriverException#DUPLICATE_PROTOCOL} or {@link DriverException#DRIVER_LOAD_FAILED} for
     *     a plug-in that cannot serve it, or what the driver throws
     */
    public DriverSession open(DeviceConnection connection) {
        return driversFor(connection.protocol()).open(connection);
    }

    /** Every protocol served by a built-in driver or declared by a plug-in, sorted. */
    public synchronized Set<String> protocols() {
        Set<String> all = new TreeSet<>(builtIn().protocols());
        all.addAll(plugins().keySet());
        return all;
    }

    /** The names of the plug-ins loaded so far, sorted. */
    public synchronized Set<String> loadedPlugins() {
        return new TreeSet<>(loadedPlugins.keySet());
    }

    private synchronized Drivers driversFor(String protocol) {
        if (builtIn().find(protocol).isPresent()) {
            return builtIn();
        }
        List<DriverPlugin> candidates = plugins().getOrDefault(protocol, List.of());
        if (candidates.size() > 1) {
            throw new DriverException(
                    DriverException.DUPLICATE_PROTOCOL,
                    500,
                    "driver plug-ins "
                            + candidates.stream().map(DriverPlugin::name).toList() + " all declare protocol '"
                            + protocol + "'",
                    "Keep one plug-in per protocol under "
                            + pluginDir.map(Path::toString).orElse("drivers/") + ".");
        }
        if (candidates.isEmpty()) {
            return builtIn(); // its open() refuses the protocol, naming the built-in ones
        }
        DriverPlugin plugin = candidates.getFirst();
        DriverException failure = failedPlugins.get(plugin.name());
        if (failure != null) {
            throw failure;
        }
        Drivers drivers = loadedPlugins.get(plugin.name());
        if (drivers == null) {
            try {
                drivers = load(plugin);
            } catch (DriverException e) {
                LOG.error("EF3716 {}", e.getMessage());
                failedPlugins.put(plugin.name(), e);
                throw e;
            }
            loadedPlugins.put(plugin.name(), drivers);
        }
        if (drivers.find(protocol).isEmpty()) {
            throw new DriverException(
                    DriverException.DRIVER_LOAD_FAILED,
                    500,
                    "driver plug-in '" + plugin.name() + "' declares protocol '" + protocol + "' but serves only "
                            + drivers.protocols(),
                    "Reinstall the plug-in in " + plugin.directory() + ": its driver.properties and jars disagree.");
        }
        return drivers;
    }

    private Drivers builtIn() {
        if (builtIn == null) {
            builtIn = Drivers.load(builtInLoader);
            LOG.info("EF3712 built-in device drivers loaded: {}", builtIn.protocols());
        }
        return builtIn;
    }

    private Map<String, List<DriverPlugin>> plugins() {
        if (pluginsByProtocol == null) {
            pluginsByProtocol = new TreeMap<>();
            pluginDir.ifPresent(
                    dir -> scan(dir).forEach(plugin -> plugin.protocols().forEach(p -> pluginsByProtocol
                            .computeIfAbsent(p, k -> new ArrayList<>())
                            .add(plugin))));
        }
        return pluginsByProtocol;
    }

    private static List<DriverPlugin> scan(Path dir) {
        List<DriverPlugin> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(Files::isDirectory).sorted().toList()) {
                try {
                    found.add(DriverPlugin.read(entry));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.error("EF3715 driver plug-in {} ignored: {}", entry, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.error("EF3715 driver plug-ins in {} cannot be listed: {}", dir, e.toString());
        }
        LOG.info(
                "EF3713 driver plug-ins in {}: {}",
                dir,
                found.stream().map(p -> p.name() + " " + p.protocols()).toList());
        return found;
    }

    private Drivers load(DriverPlugin plugin) {
        URL[] urls = new URL[plugin.jars().size()];
        try {
            for (int i = 0; i < urls.length; i++) {
                urls[i] = plugin.jars().get(i).toUri().toURL();
            }
        } catch (MalformedURLException e) {
            throw loadFailed(plugin, e);
        }
        URLClassLoader loader = new URLClassLoader("driver-" + plugin.name(), urls, builtInLoader);
        try {
            // The plug-in's loader also sees the built-in drivers through its parent: keep its own only.
            List<DeviceDriver> own = ServiceLoader.load(DeviceDriver.class, loader).stream()
                    .filter(provider -> loader.equals(provider.type().getClassLoader()))
                    .map(ServiceLoader.Provider::get)
                    .toList();
            Drivers drivers = Drivers.of(own);
            loaders.add(loader);
            LOG.info(
                    "EF3714 driver plug-in {} loaded from {}: {}",
                    plugin.name(),
                    plugin.directory(),
                    drivers.protocols());
            return drivers;
        } catch (ServiceConfigurationError | LinkageError | DriverException e) {
            closeQuietly(loader);
            throw e instanceof DriverException refused ? refused : loadFailed(plugin, e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", loader.getName(), e.toString());
        }
    }

    private static DriverException loadFailed(DriverPlugin plugin, Throwable cause) {
        return new DriverException(
                DriverException.DRIVER_LOAD_FAILED,
                500,
                "driver plug-in '" + plugin.name() + "' cannot be loaded: " + cause,
                "Reinstall the plug-in in " + plugin.directory() + ".",
                cause);
    }

    /** Closes the plug-ins' class loaders; call after every session is closed. */
    @Override
    public synchronized void close() {
        loaders.forEach(DriverCatalog::closeQuietly);
        loaders.clear();
        loadedPlugins.clear();
    }
}
