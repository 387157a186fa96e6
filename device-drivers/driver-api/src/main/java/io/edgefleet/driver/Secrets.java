package io.edgefleet.driver;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recognises configuration keys that hold secrets, so that their values never reach a log line, an
 * exception or a validation problem. Matching by name is deliberate: drivers add keys freely, and a
 * naming rule they can follow ({@code password}, {@code *-password}, {@code token}, …) protects all
 * of them without a registry.
 */
final class Secrets {
    private static final String[] MARKERS = {"password", "secret", "token", "credential", "private-key", "passphrase"};

    private Secrets() {}

    static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** The map with secret values replaced by {@code ***}, sorted by key for stable output. */
    static Map<String, String> redact(Map<String, String> config) {
        Map<String, String> shown = new TreeMap<>();
        config.forEach((key, value) -> shown.put(key, isSecretKey(key) ? "***" : value));
        return shown;
    }
}
