package io.edgefleet.server.web.user;

import io.edgefleet.server.security.User;
import java.util.List;

/** The users of a tenant, by name. */
public record UserList(List<User> items) {
    public UserList {
        items = List.copyOf(items);
    }
}
