package io.edgefleet.edge.link;

import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.config.ConfigKey;
import io.edgefleet.edge.config.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** TLS for {@code ssl://} broker URLs: trust the configured store, or the JDK's CAs without one. */
final class TlsSockets {
    private TlsSockets() {}

    static SSLSocketFactory factory(Optional<Path> trustStore, Optional<Secret> password) {
        if (trustStore.isEmpty()) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        Path file = trustStore.get();
        char[] secret = password.map(Secret::reveal).map(String::toCharArray).orElse(null);
        try {
            // Detects PKCS12 or JKS from the file itself.
            KeyStore store = KeyStore.getInstance(file.toFile(), secret);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            // The exception text never contains the password; keep only its class and message.
            throw EdgeException.config(
                    "cannot load the trust store " + file + " (" + ConfigKey.MQTT_TRUST_STORE.key() + "): "
                            + e.getMessage(),
                    "check the file and " + ConfigKey.MQTT_TRUST_STORE_PASSWORD.key(),
                    e);
        }
    }
}
