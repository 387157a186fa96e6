package io.edgefleet.protocol;

import java.util.regex.Pattern;

/**
 * Rules for tenant, node and resource names. They appear in MQTT topic levels and URLs, so they
 * are restricted to DNS-label characters: lower-case letters, digits and '-', 1 to 63 characters,
 * starting and ending with a letter or digit. This also keeps MQTT wildcards ('+', '#') and
 * separators ('/') out of topics.
 */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private Names() {}

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Returns the name, or throws {@link ProtocolException} naming what is wrong. */
    public static String require(String what, String name) {
        if (!isValid(name)) {
            throw new ProtocolException(
                    "invalid-name",
                    what + " '" + abbreviate(name)
                            + "' is not a valid name: use 1-63 lower-case letters, digits or '-',"
                            + " starting and ending with a letter or digit");
        }
        return name;
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
