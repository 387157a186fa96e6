/**
 * Device twins: desired values set through REST ({@link io.edgefleet.server.twin.Twins}) and reports
 * from the edge ({@link io.edgefleet.server.twin.TwinTraffic}), with the conflict rule of
 * docs/decisions/0005.
 */
package io.edgefleet.server.twin;
