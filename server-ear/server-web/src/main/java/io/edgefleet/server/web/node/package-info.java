/** REST resource for nodes: {@link io.edgefleet.server.web.node.NodesResource}. */
package io.edgefleet.server.web.node;
