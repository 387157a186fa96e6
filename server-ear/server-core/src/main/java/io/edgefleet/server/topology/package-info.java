/**
 * The fleet at a glance for the desktop and for integrators: sites, their nodes and the state of each
 * node's devices, read in two statements ({@link io.edgefleet.server.topology.TopologyReader}). The
 * REST resource writes it as JSON straight from these records.
 */
package io.edgefleet.server.topology;
