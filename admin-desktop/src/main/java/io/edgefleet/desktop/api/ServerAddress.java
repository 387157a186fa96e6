package io.edgefleet.desktop.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Where the server is: {@code https://} anywhere, plain {@code http://} only on this machine, because
 * the password travels with every request (Basic auth) and must not cross a network in clear text.
 */
public record ServerAddress(URI base) {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public ServerAddress {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        String host = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the address needs a host, e.g. https://fleet.example.com");
        }
        if ("http".equals(scheme) && !LOCAL_HOSTS.contains(host)) {
            throw new IllegalArgumentException("plain http is allowed on localhost only: use https:// for " + host);
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the address starts with https:// (or http:// on localhost)");
        }
    }

    /** Parses what a person typed; a missing trailing slash or path is fine. */
    public static ServerAddress parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return new ServerAddress(new URI(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an address: " + e.getMessage(), e);
        }
    }

    /** The absolute URI of an API path such as {@code /api/v1/me}. */
    public URI resolve(String path) {
        return URI.create(base.toString() + path);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
