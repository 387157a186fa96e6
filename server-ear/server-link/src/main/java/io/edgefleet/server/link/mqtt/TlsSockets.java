package io.edgefleet.server.link.mqtt;

import io.edgefleet.server.link.LinkException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Socket factories for {@code ssl://} links: the configured trust store, or the JDK's default one. */
final class TlsSockets {
    private TlsSockets() {}

    /** Empty when the JDK default applies (no trust store given). */
    static Optional<SSLSocketFactory> forTrustStore(Optional<Path> trustStore, Optional<String> password) {
        if (trustStore.isEmpty()) {
            return Optional.empty();
        }
        Path path = trustStore.get();
        char[] secret = password.map(String::toCharArray).orElse(null);
        try {
            // Detects PKCS12 or JKS from the content, whatever the file is called; a missing file is an
            // IllegalArgumentException.
            KeyStore store = KeyStore.getInstance(path.toFile(), secret);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context.getSocketFactory());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new LinkException(
                    "link-tls-config",
                    500,
                    "cannot load the MQTT link's trust store " + path + ": "
                            + e.getClass().getSimpleName(),
                    "check that the file exists, is PKCS12 or JKS, and that the trust store password is right",
                    e);
        }
    }
}
