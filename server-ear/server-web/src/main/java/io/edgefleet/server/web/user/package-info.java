/** REST resource for users: {@link io.edgefleet.server.web.user.UsersResource}. */
package io.edgefleet.server.web.user;
