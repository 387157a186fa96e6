package io.edgefleet.server.security;

/** What a REST operation needs. Roles grant permissions (DESIGN section 4). */
public enum Permission {
    /** Read any resource of the caller's tenant. */
    READ,
    /** Change labels of nodes (and later devices, workloads). */
    PATCH_LABELS,
    /** Create, change and delete workloads and upload artifacts: what plant engineers and integrators deploy. */
    DEPLOY,
    /** Everything else: tokens, users, deletion. */
    ADMIN
}
