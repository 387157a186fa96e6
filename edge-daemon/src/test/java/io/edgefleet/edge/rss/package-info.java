/**
 * A measuring tool, not a test: {@link io.edgefleet.edge.rss.RssProbe} reads the daemon's resident memory
 * the way the workloads bench does, in a minute.
 */
package io.edgefleet.edge.rss;
