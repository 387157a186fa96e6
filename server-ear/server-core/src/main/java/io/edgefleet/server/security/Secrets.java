package io.edgefleet.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * High-entropy secrets: enrollment tokens ({@code eft_} + 32 random bytes, base64url) and node
 * passwords (32 random bytes, base64url). They are stored as SHA-256 only: with 256 bits of entropy a
 * slow hash adds nothing (docs/decisions/0001, decision 6).
 */
public final class Secrets {
    public static final String TOKEN_PREFIX = "eft_";
    private static final int SECRET_BYTES = 32;
    // 32 bytes in unpadded base64url are 43 characters.
    private static final Pattern TOKEN = Pattern.compile("eft_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    public static String newEnrollmentToken() {
        return TOKEN_PREFIX + randomBase64Url(SECRET_BYTES);
    }

    public static String newNodePassword() {
        return randomBase64Url(SECRET_BYTES);
    }

    /** A readable random password for people (the generated initial admin password). */
    public static String newHumanPassword() {
        return randomBase64Url(18);
    }

    /** Whether {@code text} has the shape of an enrollment token; saves a lookup for garbage. */
    public static boolean looksLikeEnrollmentToken(String text) {
        return TOKEN.matcher(text).matches();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hex SHA-256. */
    public static boolean matchesSha256Hex(String presented, String storedHex) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(presented));
    }

    private static String randomBase64Url(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
