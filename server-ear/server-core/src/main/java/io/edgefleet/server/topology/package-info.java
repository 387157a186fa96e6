/**
 * The fleet at a glance for the desktop: sites, their nodes and the state of each node's devices, in
 * one read of three grouped queries, small enough for 10,000 nodes (about 1 MB of JSON).
 */
package io.edgefleet.server.topology;
