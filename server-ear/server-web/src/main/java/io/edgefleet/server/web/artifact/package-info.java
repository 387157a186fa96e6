/**
 * REST for artifacts: {@link io.edgefleet.server.web.artifact.ArtifactsResource} (streamed upload,
 * list, metadata, ranged download, delete).
 */
package io.edgefleet.server.web.artifact;
