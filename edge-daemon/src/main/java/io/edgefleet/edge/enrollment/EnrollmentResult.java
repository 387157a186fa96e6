package io.edgefleet.edge.enrollment;

import io.edgefleet.edge.store.Identity;

/** The outcome of one enrollment attempt. */
public sealed interface EnrollmentResult {

    /** The server issued credentials. */
    record Enrolled(Identity identity) implements EnrollmentResult {}

    /**
     * The server refused for good (problem+json); retrying with the same token cannot succeed.
     *
     * @param code the problem's stable {@code code}, e.g. {@code enrollment-token-expired}
     * @param detail the problem's text for people, never containing the token
     */
    record Refused(int status, String code, String detail) implements EnrollmentResult {}

    /** The server could not be reached or failed on its side; worth retrying. */
    record Unreachable(String reason) implements EnrollmentResult {}
}
