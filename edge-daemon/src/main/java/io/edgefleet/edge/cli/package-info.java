/** Output helpers shared by the local commands: {@link io.edgefleet.edge.cli.TextTable}. */
package io.edgefleet.edge.cli;
