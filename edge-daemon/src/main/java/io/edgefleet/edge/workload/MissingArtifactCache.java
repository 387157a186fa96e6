package io.edgefleet.edge.workload;

import io.edgefleet.edge.artifact.ArtifactFetch;
import io.edgefleet.edge.artifact.ArtifactProvider;
import io.edgefleet.protocol.workload.ArtifactRef;
import java.util.Set;

/**
 * The provider used when the daemon is started without an artifact cache: workloads that name an
 * artifact fail with a clear message; command workloads are unaffected.
 */
public final class MissingArtifactCache implements ArtifactProvider {

    @Override
    public ArtifactFetch fetch(ArtifactRef artifact) {
        return new ArtifactFetch.Unavailable(
                "no-artifact-cache", "this daemon has no artifact cache to fetch " + artifact.name() + " with", false);
    }

    @Override
    public boolean cached(ArtifactRef artifact) {
        return false;
    }

    @Override
    public void collect(Set<String> inUse) {
        // nothing cached, nothing to collect
    }
}
