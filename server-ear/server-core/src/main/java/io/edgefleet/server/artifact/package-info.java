/**
 * Artifacts: content-addressed binaries that workloads run (DESIGN section 2). Start at {@link
 * io.edgefleet.server.artifact.Artifacts} (upload, read, delete); {@link
 * io.edgefleet.server.artifact.ArtifactStore} keeps the bytes in 1 MiB rows of {@code artifact_chunk},
 * written in short transactions while the upload streams in (docs/decisions/0003-artifact-storage.md).
 */
package io.edgefleet.server.artifact;
