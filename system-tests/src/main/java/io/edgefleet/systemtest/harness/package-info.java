/**
 * Runs the real parts as separate processes, the way an operator runs them: the server from its
 * Liberty install ({@link io.edgefleet.systemtest.harness.FleetServer}) and edge daemons ({@link
 * io.edgefleet.systemtest.harness.EdgeDaemon}), plus a small REST client ({@link
 * io.edgefleet.systemtest.harness.FleetApi}). Used by the end-to-end tests and by the benchmarks. The
 * Mosquitto broker, free ports and polling come from test-support ({@link
 * io.edgefleet.testsupport.MosquittoProcess}), which the bench jar bundles.
 */
package io.edgefleet.systemtest.harness;
