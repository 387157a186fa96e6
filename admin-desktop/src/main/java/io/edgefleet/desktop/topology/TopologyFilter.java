package io.edgefleet.desktop.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The search box: terms separated by spaces or commas, all of which must match. {@code key=value}
 * and {@code key!=value} test a label; a bare word matches part of the node's name or of any label
 * value. A health ({@code Online}, {@code Degraded}, ...) narrows it further.
 */
public record TopologyFilter(List<Term> terms, Optional<NodeHealth> health) {

    sealed interface Term {
        boolean matches(NodeSummary node);
    }

    record LabelEquals(String key, String value) implements Term {
        @Override
        public boolean matches(NodeSummary node) {
            return value.equals(node.labels().get(key));
        }
    }

    record LabelNotEquals(String key, String value) implements Term {
        @Override
        public boolean matches(NodeSummary node) {
            return !value.equals(node.labels().get(key));
        }
    }

    record Text(String lowerCase) implements Term {
        @Override
        public boolean matches(NodeSummary node) {
            return node.name().toLowerCase(Locale.ROOT).contains(lowerCase)
                    || node.labels().values().stream()
                            .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(lowerCase));
        }
    }

    public static final TopologyFilter ALL = new TopologyFilter(List.of(), Optional.empty());

    public TopologyFilter {
        terms = List.copyOf(terms);
    }

    public static TopologyFilter parse(String text, Optional<NodeHealth> health) {
        List<Term> terms = new ArrayList<>();
        for (String word : (text == null ? "" : text).strip().split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int notEquals = word.indexOf("!=");
            int equals = word.indexOf('=');
            if (notEquals > 0) {
                terms.add(new LabelNotEquals(word.substring(0, notEquals), word.substring(notEquals + 2)));
            } else if (equals > 0) {
                terms.add(new LabelEquals(word.substring(0, equals), word.substring(equals + 1)));
            } else {
                terms.add(new Text(word.toLowerCase(Locale.ROOT)));
            }
        }
        return new TopologyFilter(terms, health);
    }

    public boolean matches(NodeSummary node) {
        if (health.isPresent() && node.health() != health.get()) {
            return false;
        }
        for (Term term : terms) {
            if (!term.matches(node)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return terms.isEmpty() && health.isEmpty();
    }
}
