/**
 * Signing in: {@link io.edgefleet.desktop.session.LoginViewModel} checks the address (https, or plain
 * http on localhost only) and the credentials with {@code GET /api/v1/me}; {@link
 * io.edgefleet.desktop.session.ServerMemory} remembers the address and user name between runs, never the
 * password; a {@link io.edgefleet.desktop.session.Session} holds what the views share afterwards.
 */
package io.edgefleet.desktop.session;
