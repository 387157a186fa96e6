/**
 * Authentication and authorisation of the REST API: {@link
 * io.edgefleet.server.web.security.BasicAuthFilter} (who), {@link
 * io.edgefleet.server.web.security.PermissionFilter} with {@link
 * io.edgefleet.server.web.security.RequiresPermission} (may they), {@link
 * io.edgefleet.server.web.security.BodySizeFilter} (1 MiB). Why filters and not Jakarta Security:
 * docs/decisions/0002-rest-authentication.md.
 */
package io.edgefleet.server.web.security;
