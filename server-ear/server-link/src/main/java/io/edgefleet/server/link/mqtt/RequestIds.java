package io.edgefleet.server.link.mqtt;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids for command topics: 10 characters of [0-9a-z], about 51 bits. They only correlate a
 * response with its request, so they need to be unique enough, not secret; short keeps topics small.
 */
final class RequestIds {
    private static final int LENGTH = 10;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private static final java.util.regex.Pattern VALID = java.util.regex.Pattern.compile("[0-9a-z]{1,64}");

    private RequestIds() {}

    /** Whether {@code id} can be a request id: it becomes a topic level, so no separator or wildcard. */
    static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
