/** {@code /api/v1/topology}: sites, nodes and device counts in one answer, for the desktop. */
package io.edgefleet.server.web.topology;
