package io.edgefleet.server.security;

import java.time.Instant;

/** A user as the API shows it (never with the password hash). */
public record User(String username, String tenant, String role, Instant createdAt) {}
