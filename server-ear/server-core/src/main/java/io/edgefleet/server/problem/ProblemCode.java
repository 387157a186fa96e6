package io.edgefleet.server.problem;

/**
 * Every error the server reports, with the HTTP status it maps to and a hint for the person who
 * reads it. The {@link #code()} is part of the REST contract: clients switch on it, so it never
 * changes meaning once released.
 */
public enum ProblemCode {
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON", "Send one valid JSON document (RFC 8259)."),
    UNKNOWN_FIELD(
            "unknown-field",
            400,
            "Unknown field",
            "Remove the field; the OpenAPI document at /openapi lists the known ones."),
    INVALID_TYPE(
            "invalid-type",
            400,
            "Wrong type",
            "Send the field with the JSON type the OpenAPI document at /openapi names."),
    INVALID_REQUEST("invalid-request", 400, "Invalid request", "Correct the request as the detail says."),
    INVALID_NAME(
            "invalid-name",
            400,
            "Invalid name",
            "Use 1-63 lower-case letters, digits or '-', starting and ending with a letter or digit."),
    INVALID_LABEL(
            "invalid-label",
            400,
            "Invalid label",
            "Keys: optional DNS prefix and '/', then up to 63 letters, digits, '-', '_' or '.'; values: empty or the same alphabet."),
    INVALID_SELECTOR(
            "invalid-selector",
            400,
            "Invalid label selector",
            "Write requirements like site=hamburg,line in (1,2),!gpu."),
    INVALID_CONTINUE(
            "invalid-continue",
            400,
            "Invalid continue token",
            "Pass the continue value of the previous page unchanged, or start again without it."),
    UNAUTHENTICATED(
            "unauthenticated", 401, "Authentication required", "Send HTTP Basic credentials of an EdgeFleet user."),
    FORBIDDEN("forbidden", 403, "Forbidden", "Ask a fleet-admin for a role that allows this."),
    NOT_FOUND("not-found", 404, "Not found", "Check the path and the name; GET the collection to see what exists."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed", "Use one of the methods in the Allow header."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable", "Accept application/json."),
    NODE_EXISTS("node-exists", 409, "Node exists", "Choose another node name, or delete the existing node first."),
    USER_EXISTS("user-exists", 409, "User exists", "Choose another user name."),
    WORKLOAD_EXISTS(
            "workload-exists",
            409,
            "Workload exists",
            "Choose another name, or change the workload with PUT or PATCH."),
    INVALID_WORKLOAD(
            "invalid-workload",
            422,
            "Invalid workload",
            "Correct the field the detail names; the OpenAPI document at /openapi describes a workload."),
    UNKNOWN_ARTIFACT(
            "unknown-artifact",
            422,
            "Unknown artifact",
            "Upload the artifact first (POST /api/v1/artifacts), then name its sha256 in spec.template.artifact."),
    RESOURCE_EXISTS(
            "resource-exists",
            409,
            "Resource exists",
            "Choose another name, or change the existing one with PUT or PATCH."),
    RESOURCE_IN_USE(
            "resource-in-use",
            409,
            "Resource in use",
            "Change or delete the resources the detail names first, then delete this one."),
    INVALID_SPEC(
            "invalid-spec",
            422,
            "Invalid spec",
            "Correct the field the detail names; the OpenAPI document at /openapi describes the resource."),
    UNKNOWN_PROPERTY(
            "unknown-property",
            422,
            "Unknown property",
            "Name a property of the device's model; GET the device's twin to see them."),
    READ_ONLY_PROPERTY(
            "read-only-property",
            422,
            "Read-only property",
            "A ReadOnly property is only reported by the device; set desired values of ReadWrite properties."),
    INVALID_DESIRED_VALUE(
            "invalid-desired-value",
            422,
            "Invalid desired value",
            "Send a value of the property's type within its min and max (or one of its symbols)."),
    CONFLICT(
            "conflict",
            409,
            "Conflicting change",
            "Another request changed the same resource at the same moment; retry."),
    ENROLLMENT_TOKEN_INVALID(
            "enrollment-token-invalid",
            401,
            "Enrollment token invalid",
            "Ask an administrator for a new enrollment token."),
    ENROLLMENT_TOKEN_EXPIRED(
            "enrollment-token-expired",
            410,
            "Enrollment token expired",
            "Ask an administrator for a new enrollment token."),
    RESOURCE_VERSION_TOO_OLD(
            "resource-version-too-old",
            410,
            "Resource version too old",
            "The changes after this version were compacted away: list the resource again and watch from the"
                    + " list's metadata.resourceVersion."),
    ENROLLMENT_TOKEN_USED(
            "enrollment-token-used", 409, "Enrollment token used", "A token enrolls one node once; ask for a new one."),
    PRECONDITION_FAILED(
            "precondition-failed",
            412,
            "Precondition failed",
            "GET the resource again and retry with its current ETag in If-Match."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large", "Send at most 1 MiB."),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type",
            415,
            "Unsupported media type",
            "Send Content-Type application/json (application/merge-patch+json for PATCH)."),
    FIELD_NOT_PATCHABLE(
            "field-not-patchable", 422, "Field not patchable", "Only metadata.labels can be changed with PATCH."),
    ARTIFACT_TOO_LARGE(
            "artifact-too-large",
            413,
            "Artifact too large",
            "Upload a smaller artifact, or ask the operator to raise FLEET_ARTIFACT_MAX_MB."),
    DIGEST_MISMATCH(
            "digest-mismatch",
            422,
            "Digest mismatch",
            "The body's SHA-256 differs from the one the request named: upload the file again, unchanged."),
    ARTIFACT_IN_USE(
            "artifact-in-use",
            409,
            "Artifact in use",
            "Change or delete the workloads that run this artifact, then delete it."),
    RANGE_NOT_SATISFIABLE(
            "range-not-satisfiable",
            416,
            "Range not satisfiable",
            "Ask for a range that starts before the end of the content (Content-Range names its size)."),
    INTERNAL_ERROR(
            "internal-error",
            500,
            "Internal error",
            "Retry later; if it persists, give the operator the time and the path."),
    UNAVAILABLE("unavailable", 503, "Service unavailable", "Retry later."),
    NODE_OFFLINE(
            "node-offline",
            409,
            "Node offline",
            "The node must be Online to answer; what it keeps (logs) stays on the edge PC. On site, without the"
                    + " cloud: edgefleet-edge logs WORKLOAD."),
    EDGE_LINK_DOWN(
            "edge-link-down",
            503,
            "Edge link down",
            "The server is not connected to the MQTT broker the nodes use; retry once it is (see /health/ready)."),
    NODE_NOT_ANSWERING(
            "node-not-answering",
            504,
            "Node not answering",
            "The node is Online but did not answer in time: it may be busy or its link slow; retry."),
    EDGE_ERROR("edge-error", 502, "Edge error", "The node could not do what was asked; the detail says what it said.");

    private final String code;
    private final int status;
    private final String title;
    private final String hint;

    ProblemCode(String code, int status, String title, String hint) {
        this.code = code;
        this.status = status;
        this.title = title;
        this.hint = hint;
    }

    /** The stable machine-readable code, e.g. {@code enrollment-token-used}. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String hint() {
        return hint;
    }

    /** The code a bare HTTP status stands for, when the container (not our code) produced it. */
    public static ProblemCode forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> INTERNAL_ERROR;
        };
    }

    /** The RFC 9457 {@code type} URI of this problem. */
    public String type() {
        return "urn:edgefleet:problem:" + code;
    }
}
