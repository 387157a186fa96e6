/**
 * The EdgeFleet edge daemon: the agent on every edge PC (DESIGN section 5).
 *
 * <p>Start at {@link io.edgefleet.edge.EdgeMain} (the command line) and {@link
 * io.edgefleet.edge.EdgeDaemon} (how the parts are wired and stopped). The parts live in packages by
 * feature: {@code config}, {@code store}, {@code enrollment}, {@code outbox}, {@code link}, {@code
 * sync}, {@code node} and {@code status}. Errors are {@link io.edgefleet.edge.EdgeException}s with a
 * stable code, and log lines an operator acts on carry an id {@code EF3xxx}.
 */
package io.edgefleet.edge;
