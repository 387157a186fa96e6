package io.edgefleet.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes-style label selector: requirements joined by commas, all of which must hold.
 *
 * <ul>
 *   <li>{@code site=hamburg} or {@code site==hamburg}: the label has that value
 *   <li>{@code site!=hamburg}: the label is missing or has another value
 *   <li>{@code line in (1,2)} / {@code line notin (1,2)}
 *   <li>{@code gpu}: the label exists; {@code !gpu}: it does not
 * </ul>
 *
 * The server turns requirements into SQL; {@link #matches(Map)} evaluates them in memory.
 */
public record LabelSelector(List<Requirement> requirements) {

    /** How a requirement compares. */
    public enum Operator {
        EQUALS,
        NOT_EQUALS,
        IN,
        NOT_IN,
        EXISTS,
        DOES_NOT_EXIST
    }

    /** One clause of a selector. {@code values} is empty for EXISTS and DOES_NOT_EXIST. */
    public record Requirement(String key, Operator operator, Set<String> values) {
        public Requirement {
            values = Set.copyOf(values);
        }

        public boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
        }
    }

    private static final int MAX_SELECTOR_LENGTH = 4096;

    public LabelSelector {
        requirements = List.copyOf(requirements);
    }

    /** The selector that selects everything. */
    public static LabelSelector everything() {
        return new LabelSelector(List.of());
    }

    public boolean matches(Map<String, String> labels) {
        return requirements.stream().allMatch(r -> r.matches(labels));
    }

    /** Parses a selector; blank selects everything. Throws {@link ProtocolException} ({@code invalid-selector}). */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return everything();
        }
        if (text.length() > MAX_SELECTOR_LENGTH) {
            throw invalid("selector is longer than " + MAX_SELECTOR_LENGTH + " characters");
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String clause : splitTopLevel(text)) {
            requirements.add(parseClause(clause.strip()));
        }
        return new LabelSelector(requirements);
    }

    private static List<String> splitTopLevel(String text) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw invalid("unbalanced ')'");
                }
            } else if (c == ',' && depth == 0) {
                clauses.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw invalid("unbalanced '('");
        }
        clauses.add(text.substring(start));
        return clauses;
    }

    private static Requirement parseClause(String clause) {
        if (clause.isEmpty()) {
            throw invalid("empty requirement");
        }
        if (clause.startsWith("!")) {
            return new Requirement(key(clause.substring(1).strip()), Operator.DOES_NOT_EXIST, Set.of());
        }
        int op = indexOfOperator(clause);
        if (op >= 0) {
            String key = key(clause.substring(0, op).strip());
            boolean notEquals = clause.startsWith("!=", op);
            int valueStart = op + (notEquals || clause.startsWith("==", op) ? 2 : 1);
            String value = value(clause.substring(valueStart).strip());
            return new Requirement(key, notEquals ? Operator.NOT_EQUALS : Operator.EQUALS, Set.of(value));
        }
        String[] words = clause.split("\\s+", 2);
        if (words.length == 1) {
            return new Requirement(key(words[0]), Operator.EXISTS, Set.of());
        }
        String rest = words[1].strip();
        Operator setOperator;
        if (rest.startsWith("notin")) {
            setOperator = Operator.NOT_IN;
            rest = rest.substring("notin".length()).strip();
        } else if (rest.startsWith("in")) {
            setOperator = Operator.IN;
            rest = rest.substring("in".length()).strip();
        } else {
            throw invalid("expected '=', '!=', 'in' or 'notin' after '" + Names.abbreviate(words[0]) + "'");
        }
        if (!rest.startsWith("(") || !rest.endsWith(")")) {
            throw invalid("'in' and 'notin' take a list in parentheses, like line in (1,2)");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String v : rest.substring(1, rest.length() - 1).split(",", -1)) {
            values.add(value(v.strip()));
        }
        return new Requirement(key(words[0]), setOperator, values);
    }

    private static int indexOfOperator(String clause) {
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            if (c == '=' || (c == '!' && i + 1 < clause.length() && clause.charAt(i + 1) == '=')) {
                return i;
            }
            if (c == '(' || Character.isWhitespace(c)) {
                int next = clause.indexOf('=', i);
                if (c == '(' || next < 0) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String key(String key) {
        if (!Labels.isValidKey(key)) {
            throw invalid("'" + Names.abbreviate(key) + "' is not a valid label key");
        }
        return key;
    }

    private static String value(String value) {
        if (!Labels.isValidValue(value)) {
            throw invalid("'" + Names.abbreviate(value) + "' is not a valid label value");
        }
        return value;
    }

    private static ProtocolException invalid(String reason) {
        return new ProtocolException("invalid-selector", "label selector: " + reason);
    }
}
