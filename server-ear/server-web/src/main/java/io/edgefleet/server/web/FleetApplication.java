package io.edgefleet.server.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The REST API, version 1. Resources and providers in this WAR are discovered by scanning. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "EdgeFleet API",
                        version = "v1",
                        description = "Control plane of EdgeFleet: edge nodes, their labels and enrollment. Errors are"
                                + " RFC 9457 problem+json documents with a stable 'code' member. ETag is the"
                                + " resourceVersion; If-Match answers 412 on mismatch."),
        security = @SecurityRequirement(name = "basic"),
        tags = {
            @Tag(name = "nodes", description = "Edge PCs: read, list with label selectors, relabel, delete"),
            @Tag(name = "enrollment", description = "One-time tokens and the enrollment of edge nodes"),
            @Tag(name = "users", description = "Users of this API and their roles")
        })
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class FleetApplication extends Application {}
