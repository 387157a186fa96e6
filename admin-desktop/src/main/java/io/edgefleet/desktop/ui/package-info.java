/**
 * What every view shares: {@link io.edgefleet.desktop.ui.Dispatch} (server calls off the FX thread,
 * results back on it), the connection banner and the "last updated" marking, and the main window that
 * holds the views.
 */
package io.edgefleet.desktop.ui;
