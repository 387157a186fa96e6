/**
 * Enrollment: administrators issue one-time, expiring tokens ({@link
 * io.edgefleet.server.enrollment.EnrollmentTokens}); an edge node trades one for its identity and MQTT
 * credentials ({@link io.edgefleet.server.enrollment.Enrollments}). {@link
 * io.edgefleet.server.enrollment.TokenCheck} decides whether a token is usable.
 */
package io.edgefleet.server.enrollment;
