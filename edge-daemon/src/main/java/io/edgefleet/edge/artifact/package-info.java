/**
 * The node's content-addressed artifact cache: {@link io.edgefleet.edge.artifact.ArtifactProvider}
 * is what the workload runtime uses, {@link io.edgefleet.edge.artifact.ArtifactCache} implements it
 * (layout under {@code <data dir>/artifacts}, resume, verification, one download per hash, collection)
 * and {@link io.edgefleet.edge.artifact.HttpArtifactSource} downloads from the server with the node's
 * credentials.
 */
package io.edgefleet.edge.artifact;
