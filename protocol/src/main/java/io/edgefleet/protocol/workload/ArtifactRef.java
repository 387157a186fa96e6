package io.edgefleet.protocol.workload;

import io.edgefleet.protocol.Names;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A content-addressed binary the workload runs from. The edge downloads it once into its cache,
 * checks the SHA-256 and hands the path to the process as {@code ${artifact}} in the command and
 * arguments and as environment variable {@code EDGEFLEET_ARTIFACT}.
 *
 * @param name the artifact's name on the server, for people; the hash is what identifies it
 * @param sha256 lower-case hex SHA-256 of the content
 * @param sizeBytes the content length, so the edge can check free space and resume downloads
 */
public record ArtifactRef(String name, String sha256, long sizeBytes) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ArtifactRef {
        Names.require("artifact name", name);
        sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }

    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }
}
