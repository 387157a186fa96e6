package io.edgefleet.edge.artifact;

import io.edgefleet.protocol.workload.ArtifactRef;
import java.util.Set;

/**
 * Where the workload runtime gets the binaries it runs: a content-addressed local cache that
 * downloads from the server once, verifies the SHA-256 and resumes interrupted downloads.
 * Thread-safe; {@link #fetch} blocks while it downloads, so callers run it off their event thread.
 */
public interface ArtifactProvider {

    /** The verified local copy of the artifact, downloading (or resuming) it first if needed. */
    ArtifactFetch fetch(ArtifactRef artifact);

    /** Whether the verified artifact is already in the cache, so no download is needed. */
    boolean cached(ArtifactRef artifact);

    /**
     * Deletes cached artifacts (and partial downloads) whose hash is not in {@code inUse}: what the
     * node's desired or running workloads reference is kept, the rest collected.
     */
    void collect(Set<String> inUse);
}
