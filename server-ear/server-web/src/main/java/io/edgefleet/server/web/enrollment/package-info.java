/**
 * REST resources for enrollment: {@link io.edgefleet.server.web.enrollment.EnrollmentTokensResource}
 * (admins) and {@link io.edgefleet.server.web.enrollment.EnrollmentsResource} (edge nodes).
 */
package io.edgefleet.server.web.enrollment;
