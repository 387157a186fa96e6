/** {@code /api/v1/events}: what happened in the fleet and who changed what, newest first. */
package io.edgefleet.server.web.event;
