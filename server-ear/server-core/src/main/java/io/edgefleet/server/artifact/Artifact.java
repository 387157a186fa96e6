package io.edgefleet.server.artifact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A published artifact: content-addressed, immutable. {@code name} is the name of the first upload
 * of this content; a later upload of the same bytes under another name answers this artifact.
 *
 * @param sha256 lower-case hex SHA-256 of the content, its identity
 * @param createdBy the user who uploaded it first
 */
public record Artifact(String name, String sha256, long sizeBytes, Instant createdAt, String createdBy) {

    /** The ETag: the content hash, quoted. It never changes. */
    @JsonIgnore
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
