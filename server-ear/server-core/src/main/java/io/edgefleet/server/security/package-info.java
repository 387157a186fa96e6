/**
 * Who may do what: REST users with roles (HTTP Basic against PBKDF2 hashes, cached briefly), the first
 * administrator, and the MQTT credentials of edge nodes.
 *
 * <p>Start at {@link io.edgefleet.server.security.Users} (REST callers) and {@link
 * io.edgefleet.server.security.NodeCredentials} (edge nodes at the embedded broker); {@link
 * io.edgefleet.server.security.Role} maps roles to permissions. {@link
 * io.edgefleet.server.security.NodeLogins} lets a node use the same credentials over HTTP Basic as a
 * {@link io.edgefleet.server.security.NodeCaller}, which may only read artifacts.
 */
package io.edgefleet.server.security;
