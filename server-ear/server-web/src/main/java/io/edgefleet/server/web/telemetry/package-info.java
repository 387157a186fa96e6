/**
 * REST for telemetry history: {@link io.edgefleet.server.web.telemetry.DeviceHistoryResource} ({@code GET
 * /devices/{name}/history}, raw or downsampled).
 */
package io.edgefleet.server.web.telemetry;
