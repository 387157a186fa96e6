package io.edgefleet.server.topology;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's sites, each with its nodes in name order; a node's site is its {@code site} label, and
 * nodes without one are in the site named {@code ""}.
 *
 * @param resourceVersion the tenant's version when it was read: watch nodes, devices and events from it
 */
public record Topology(String tenant, long resourceVersion, List<Site> sites) {
    /** The label that places a node in a site. */
    public static final String SITE_LABEL = "site";

    public Topology {
        sites = List.copyOf(sites);
    }

    public record Site(String name, List<SiteNode> nodes) {
        public Site {
            nodes = List.copyOf(nodes);
        }
    }

    /** A node with its phase, labels and how many of its devices are in each state. */
    public record SiteNode(
            String name, String phase, Optional<Instant> lastSeen, Map<String, String> labels, DeviceCounts devices) {
        public SiteNode {
            labels = Map.copyOf(labels);
        }
    }

    /** Device states as the edge last reported them; Unknown until it reported at all. */
    public record DeviceCounts(long total, long online, long offline, long unknown) {}
}
