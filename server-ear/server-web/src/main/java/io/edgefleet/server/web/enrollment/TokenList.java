package io.edgefleet.server.web.enrollment;

import io.edgefleet.server.enrollment.EnrollmentToken;
import java.util.List;

/** The enrollment tokens of a tenant, newest first (secrets never included). */
public record TokenList(List<EnrollmentToken> items) {
    public TokenList {
        items = List.copyOf(items);
    }
}
