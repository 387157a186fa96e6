/**
 * The server's exception family and its problem+json form (RFC 9457).
 *
 * <p>Start at {@link io.edgefleet.server.problem.ProblemCode}: every error has a stable code, an HTTP
 * status and a hint. Services throw {@link io.edgefleet.server.problem.FleetException}; the REST layer
 * renders {@link io.edgefleet.server.problem.Problem}.
 */
package io.edgefleet.server.problem;
