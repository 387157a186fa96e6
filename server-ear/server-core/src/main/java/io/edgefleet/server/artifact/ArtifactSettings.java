package io.edgefleet.server.artifact;

import io.edgefleet.server.config.SettingsReader;

/**
 * Artifact storage.
 *
 * @param maxBytes {@code fleet.artifact.max.mb} ({@code FLEET_ARTIFACT_MAX_MB}, default 512, 1 to
 *     65536): the largest artifact an upload may send, in MiB
 */
public record ArtifactSettings(long maxBytes) {
    public static final String MAX_MB = "fleet.artifact.max.mb";
    private static final long MIB = 1024L * 1024L;

    public static ArtifactSettings from(SettingsReader settings) {
        return new ArtifactSettings(settings.number(MAX_MB, 512, 1, 65_536) * MIB);
    }
}
