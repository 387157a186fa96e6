package io.edgefleet.edge.device.driver;

import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * What the daemon's own class loader offers a plug-in, and nothing more: the driver SPI (package
 * {@code io.edgefleet.driver} only, not the drivers beneath it), SLF4J, Jackson and Paho, and the JDK.
 * The test class path holds every driver and its libraries; behind this loader a plug-in must bring
 * its own, as it must in the packaged daemon.
 */
final class DaemonSideLoader extends ClassLoader {
    private static final List<String> SHARED_PREFIXES =
            List.of("org.slf4j.", "com.fasterxml.jackson.", "org.eclipse.paho.");

    private final ClassLoader application;

    DaemonSideLoader(ClassLoader application) {
        super("daemon-side", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (shared(name)) {
            return application.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        return Collections.emptyEnumeration();
    }

    private static boolean shared(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 && name.substring(0, dot).equals("io.edgefleet.driver"))
                || SHARED_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
