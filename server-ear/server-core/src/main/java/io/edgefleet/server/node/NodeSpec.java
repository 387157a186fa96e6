package io.edgefleet.server.node;

/**
 * The desired state of a node. Empty for now: labels live in metadata, as in Kubernetes; the autonomy
 * policy arrives with workloads.
 */
public record NodeSpec() {}
