/**
 * {@code /api/v1/topology}: sites, nodes and device counts in one answer, for the desktop and for
 * integrators, as objects or as rows ({@link io.edgefleet.server.web.topology.TopologyRepresentation}),
 * streamed by {@link io.edgefleet.server.web.topology.TopologyJson}. Start at
 * {@link io.edgefleet.server.web.topology.TopologyResource}.
 */
package io.edgefleet.server.web.topology;
