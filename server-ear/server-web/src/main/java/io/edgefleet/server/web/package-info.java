/**
 * The REST API of the server (a skinny WAR in the EAR). Start at {@link
 * io.edgefleet.server.web.FleetApplication}; resources live in feature packages (node, enrollment,
 * user) and call the services of server-core.
 */
package io.edgefleet.server.web;
