/** MicroProfile Health checks: {@link io.edgefleet.server.web.health.ReadinessCheck} and liveness. */
package io.edgefleet.server.web.health;
