/**
 * Errors as RFC 9457 problem+json: domain exceptions ({@link
 * io.edgefleet.server.web.problem.FleetExceptionMapper}), JAX-RS refusals ({@link
 * io.edgefleet.server.web.problem.WebApplicationExceptionMapper}) and the rest ({@link
 * io.edgefleet.server.web.problem.UnexpectedExceptionMapper}). {@link
 * io.edgefleet.server.web.problem.Problems} builds the responses.
 */
package io.edgefleet.server.web.problem;
