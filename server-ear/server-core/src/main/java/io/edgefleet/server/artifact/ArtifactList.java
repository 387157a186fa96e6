package io.edgefleet.server.artifact;

import io.edgefleet.server.resource.ListMeta;
import java.util.List;

/** A page of artifacts in sha256 order. */
public record ArtifactList(List<Artifact> items, ListMeta metadata) {}
