package io.edgefleet.server.web;

/** Media types and descriptions the resources share. */
public final class ApiResponses {
    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private ApiResponses() {}
}
