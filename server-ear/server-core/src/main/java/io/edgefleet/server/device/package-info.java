/**
 * Device models, devices and edge-local rules (DESIGN section 2), and what their nodes receive of
 * them through sync. Start at {@link io.edgefleet.server.device.Devices}; the REST lifecycle they share
 * is {@link io.edgefleet.server.resource.SpecResources}, the sync rows {@link
 * io.edgefleet.server.device.DeviceAssignments}.
 */
package io.edgefleet.server.device;
