package io.edgefleet.server.web.enrollment;

import java.util.Optional;

/**
 * Body of {@code POST /enrollment-tokens}.
 *
 * @param ttlSeconds lifetime, 1 s to 30 days; default FLEET_ENROLLMENT_TOKEN_TTL_SECONDS
 * @param node binds the token to this node name
 */
public record CreateTokenRequest(Optional<Long> ttlSeconds, Optional<String> node) {}
