package io.edgefleet.server.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that needs no user: enrollment, where the one-time token in the body is the
 * credential. {@link BasicAuthFilter} lists the same paths, since it runs before matching.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicEndpoint {}
