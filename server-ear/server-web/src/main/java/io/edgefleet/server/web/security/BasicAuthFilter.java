package io.edgefleet.server.web.security;

import io.edgefleet.server.problem.ProblemCode;
import io.edgefleet.server.security.Caller;
import io.edgefleet.server.security.NodeCaller;
import io.edgefleet.server.security.NodeLogins;
import io.edgefleet.server.security.Users;
import io.edgefleet.server.web.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic authentication against the users in the database (docs/decisions/0002). Runs before
 * resource matching, so that an unauthenticated caller learns nothing about which paths exist. The
 * only public call is {@code POST /enrollments}, whose token is the credential. Edge nodes may
 * authenticate with their MQTT credentials, for artifact downloads only ({@link NodeReadable}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthFilter implements ContainerRequestFilter {
    private static final String PREFIX = "Basic ";
    private static final int MAX_HEADER_LENGTH = 4096;

    @Inject
    Users users;

    @Inject
    NodeLogins nodeLogins;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic(request)) {
            return;
        }
        Optional<String[]> credentials = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean secure = "https".equals(request.getUriInfo().getRequestUri().getScheme());
        // An edge node (user name node@tenant, its enrollment password): checked first, as it costs one
        // SHA-256, not PBKDF2. PermissionFilter lets it call @NodeReadable methods only.
        Optional<NodeCaller> node = credentials.flatMap(c -> nodeLogins.authenticate(c[0], c[1]));
        if (node.isPresent()) {
            request.setSecurityContext(new NodeSecurityContext(node.get(), secure));
            return;
        }
        Optional<Caller> caller = credentials.flatMap(c -> users.authenticate(c[0], c[1]));
        if (caller.isEmpty()) {
            request.abortWith(
                    Problems.response(ProblemCode.UNAUTHENTICATED, "send HTTP Basic credentials of an EdgeFleet user"));
            return;
        }
        request.setSecurityContext(new CallerSecurityContext(caller.get(), secure));
    }

    static boolean isPublic(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String normalized = path.replaceAll("^/+|/+$", "");
        return HttpMethod.POST.equals(request.getMethod()) && normalized.equals("enrollments");
    }

    /** User name and password from a Basic header; empty when absent or malformed. */
    static Optional<String[]> credentials(String header) {
        if (header == null || header.length() > MAX_HEADER_LENGTH || !header.regionMatches(true, 0, PREFIX, 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(header.substring(PREFIX.length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
