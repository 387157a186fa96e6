package io.edgefleet.server.web.artifact;

import io.edgefleet.server.problem.FleetException;
import io.edgefleet.server.problem.ProblemCode;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SHA-256 an uploader expects its body to have, from {@code ?sha256=<hex>}, {@code
 * Repr-Digest}/{@code Content-Digest: sha-256=:<base64>:} (RFC 9530) or {@code Digest:
 * SHA-256=<base64>} (RFC 3230). Other algorithms in those headers are ignored; several SHA-256 values
 * must agree.
 */
final class ExpectedDigest {
    private static final Pattern STRUCTURED = Pattern.compile("(?i)(?:^|,)\\s*sha-256=:([A-Za-z0-9+/=]+):");
    private static final Pattern LEGACY = Pattern.compile("(?i)(?:^|,)\\s*sha-256=([A-Za-z0-9+/=]+)");

    private ExpectedDigest() {}

    static Optional<String> of(
            Optional<String> queryHex,
            Optional<String> reprDigest,
            Optional<String> contentDigest,
            Optional<String> digest) {
        Set<String> expected = new HashSet<>();
        queryHex.filter(q -> !q.isBlank()).ifPresent(q -> expected.add(q.strip().toLowerCase(Locale.ROOT)));
        reprDigest.flatMap(h -> base64(STRUCTURED, h)).ifPresent(expected::add);
        contentDigest.flatMap(h -> base64(STRUCTURED, h)).ifPresent(expected::add);
        digest.flatMap(h -> base64(LEGACY, h)).ifPresent(expected::add);
        if (expected.size() > 1) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "the request names different SHA-256 values");
        }
        return expected.stream().findFirst();
    }

    private static Optional<String> base64(Pattern pattern, String header) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            return Optional.empty();
        }
        byte[] hash;
        try {
            hash = Base64.getDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "the sha-256 digest is not valid base64", e);
        }
        if (hash.length != 32) {
            throw new FleetException(ProblemCode.INVALID_REQUEST, "a sha-256 digest has 32 bytes");
        }
        return Optional.of(HexFormat.of().formatHex(hash));
    }
}
