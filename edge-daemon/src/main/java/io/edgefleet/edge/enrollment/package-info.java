/**
 * First contact with the server: the one-time enrollment token is exchanged for the node's broker
 * credentials, which the store keeps.
 *
 * <p>Start at {@link io.edgefleet.edge.enrollment.Enroller} (retries, refusals and their hints);
 * {@link io.edgefleet.edge.enrollment.EnrollmentClient} speaks the REST contract.
 */
package io.edgefleet.edge.enrollment;
