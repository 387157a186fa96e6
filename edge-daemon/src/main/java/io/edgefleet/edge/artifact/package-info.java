/**
 * The node's content-addressed artifact cache: {@link io.edgefleet.edge.artifact.ArtifactProvider}
 * is what the workload runtime uses.
 */
package io.edgefleet.edge.artifact;
