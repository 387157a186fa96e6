/**
 * The node view: one edge PC's labels, conditions, agent version, last seen, its workloads with phase
 * and restarts, and its recent events. Logs stay on the edge (the server never holds them), which the
 * view says instead of showing anything. Start at {@link io.edgefleet.desktop.node.NodeViewModel}.
 */
package io.edgefleet.desktop.node;
