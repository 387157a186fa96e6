package io.edgefleet.server.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Artifact traffic at {@code /metrics}: {@code edgefleet_artifact_uploads_total{outcome}} (created,
 * existing, refused), {@code edgefleet_artifact_downloads_total{range}} (whole, part) and {@code
 * edgefleet_artifact_bytes_total{direction}} (in, out).
 */
@ApplicationScoped
public class ArtifactMetrics {
    @Inject
    MetricRegistry registry;

    public void upload(String outcome, long bytes) {
        counter("edgefleet_artifact_uploads", "Artifact uploads by outcome", "outcome", outcome, 1);
        bytes("in", bytes);
    }

    public void download(boolean partial) {
        counter("edgefleet_artifact_downloads", "Artifact downloads started", "range", partial ? "part" : "whole", 1);
    }

    public void bytes(String direction, long bytes) {
        if (bytes > 0) {
            counter("edgefleet_artifact_bytes", "Artifact bytes received and sent", "direction", direction, bytes);
        }
    }

    private void counter(String name, String description, String tag, String value, long amount) {
        registry.counter(
                        Metadata.builder()
                                .withName(name)
                                .withDescription(description)
                                .build(),
                        new Tag(tag, value))
                .inc(amount);
    }
}
