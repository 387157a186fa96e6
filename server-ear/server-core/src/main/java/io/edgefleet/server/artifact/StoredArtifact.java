package io.edgefleet.server.artifact;

/** An artifact with where its bytes are: the chunks of upload {@code uploadId}, {@code chunkBytes} each. */
public record StoredArtifact(Artifact artifact, long uploadId, int chunkBytes) {
    /** How many chunks hold the content (0 for an empty artifact). */
    public long chunks() {
        return (artifact.sizeBytes() + chunkBytes - 1) / chunkBytes;
    }
}
