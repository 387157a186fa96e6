package io.edgefleet.protocol;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Label keys and values, with Kubernetes' syntax so that plant engineers' habits carry over: a key
 * is an optional DNS-subdomain prefix and '/', then a name of up to 63 characters; a value is empty
 * or up to 63 characters of the same alphabet.
 */
public final class Labels {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    /** More labels than this on one resource is a mistake, not a use case. */
    public static final int MAX_LABELS = 64;

    private Labels() {}

    public static boolean isValidKey(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return NAME.matcher(key).matches();
        }
        return PREFIX.matcher(key.substring(0, slash)).matches()
                && NAME.matcher(key.substring(slash + 1)).matches();
    }

    public static boolean isValidValue(String value) {
        return value != null && (value.isEmpty() || NAME.matcher(value).matches());
    }

    /** Throws {@link ProtocolException} ({@code invalid-label}) for the first bad entry. */
    public static Map<String, String> requireValid(Map<String, String> labels) {
        if (labels.size() > MAX_LABELS) {
            throw new ProtocolException("invalid-label", "at most " + MAX_LABELS + " labels are allowed");
        }
        labels.forEach((key, value) -> {
            if (!isValidKey(key)) {
                throw new ProtocolException(
                        "invalid-label",
                        "label key '" + Names.abbreviate(key) + "' is not valid: use an optional"
                                + " DNS prefix and '/', then up to 63 letters, digits, '-', '_' or '.'");
            }
            if (!isValidValue(value)) {
                throw new ProtocolException(
                        "invalid-label",
                        "label value '" + Names.abbreviate(value) + "' of '" + key
                                + "' is not valid: empty, or up to 63 letters, digits, '-', '_' or '.'");
            }
        });
        return labels;
    }
}
