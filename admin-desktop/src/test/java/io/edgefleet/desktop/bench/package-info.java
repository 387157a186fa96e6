/**
 * {@code ./fleet bench desktop}: {@link io.edgefleet.desktop.bench.DesktopBench} seeds a real server's
 * database with 10,000 nodes and 100,000 devices ({@link io.edgefleet.desktop.bench.FleetSeed}), opens the
 * desktop headless (Monocle) against it and prints the time to the first paint of the topology, the p99
 * frame time while scrolling the tree, and the desktop's resident memory.
 */
package io.edgefleet.desktop.bench;
