/**
 * The EdgeFleet admin desktop: a JavaFX app for plant engineers, model–view–viewmodel, that talks to the
 * server only over its public REST API and Server-Sent Events. Start reading at {@link
 * io.edgefleet.desktop.DesktopApp}, which wires the parts; {@link io.edgefleet.desktop.DesktopMain} is
 * the entry point. Each feature package holds its records, its view-model (plain Java with JavaFX
 * properties, testable without the FX toolkit) and its view.
 */
package io.edgefleet.desktop;
