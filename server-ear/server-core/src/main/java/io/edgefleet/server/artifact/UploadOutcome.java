package io.edgefleet.server.artifact;

/** What an upload did: published new content, or found the same bytes already stored. */
public sealed interface UploadOutcome {
    Artifact artifact();

    /** New content, stored now (201). */
    record Created(Artifact artifact) implements UploadOutcome {}

    /** The same bytes were stored before; nothing new kept (200). */
    record Existing(Artifact artifact) implements UploadOutcome {}
}
