package io.edgefleet.edge.artifact;

import java.nio.file.Path;

/** Outcome of {@link ArtifactProvider#fetch}. */
public sealed interface ArtifactFetch {

    /** The verified file; executable by the daemon's user. */
    record Ready(Path file) implements ArtifactFetch {}

    /**
     * The artifact cannot be had now. {@code retryable} is true for a server that cannot be
     * reached (try again later, keep what was downloaded); false for content whose hash does not
     * match or an artifact the server does not know.
     */
    record Unavailable(String code, String reason, boolean retryable) implements ArtifactFetch {}
}
