package io.edgefleet.server.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method an edge node may call with its own credentials ({@link
 * io.edgefleet.server.security.NodeCaller}): reading artifact metadata and content. A node calling
 * any other method is refused with 403, whatever that method's {@link RequiresPermission}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NodeReadable {}
