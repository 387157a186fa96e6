package io.edgefleet.server.node;

import io.edgefleet.protocol.LabelSelector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a label selector into a JPQL condition on {@link NodeEntity}, so that selection and paging
 * happen in the database. Each requirement becomes one (NOT) EXISTS subquery on {@code node_label};
 * values are always bound as parameters, never spliced into the text.
 *
 * @param condition JPQL to AND into a query whose node alias is {@code n}; {@code 1 = 1} selects all
 * @param parameters the named parameters the condition uses
 */
public record SelectorQuery(String condition, Map<String, Object> parameters) {

    public SelectorQuery {
        parameters = Map.copyOf(parameters);
    }

    public static SelectorQuery of(LabelSelector selector) {
        StringBuilder jpql = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<LabelSelector.Requirement> requirements = selector.requirements();
        for (int i = 0; i < requirements.size(); i++) {
            LabelSelector.Requirement r = requirements.get(i);
            String key = "k" + i;
            String values = "v" + i;
            parameters.put(key, r.key());
            String clause =
                    switch (r.operator()) {
                        case EQUALS, IN -> exists(i, values);
                        case NOT_EQUALS, NOT_IN -> "NOT " + exists(i, values);
                        case EXISTS -> exists(i, "");
                        case DOES_NOT_EXIST -> "NOT " + exists(i, "");
                    };
            if (!r.values().isEmpty()) {
                parameters.put(values, sorted(r.values()));
            }
            if (!jpql.isEmpty()) {
                jpql.append(" AND ");
            }
            jpql.append(clause);
        }
        return new SelectorQuery(jpql.isEmpty() ? "1 = 1" : jpql.toString(), parameters);
    }

    // Each subquery gets its own alias (l0, l1, ...): Hibernate resolves aliases query-wide.
    private static String exists(int index, String valuesParam) {
        String alias = "l" + index;
        String valueClause = valuesParam.isEmpty() ? "" : " AND " + alias + ".value IN :" + valuesParam;
        return "EXISTS (SELECT " + alias + ".id FROM NodeLabelEntity " + alias + " WHERE " + alias + ".node = n AND "
                + alias + ".key = :k" + index + valueClause + ")";
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
