/**
 * REST resources of devices (issue 4): {@link io.edgefleet.server.web.device.DeviceModelsResource},
 * {@link io.edgefleet.server.web.device.DevicesResource}, {@link
 * io.edgefleet.server.web.device.TwinResource} and {@link io.edgefleet.server.web.device.RulesResource};
 * the logic is in server-core's {@code device} and {@code twin} packages.
 */
package io.edgefleet.server.web.device;
