package io.edgefleet.edge.device.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.edgefleet.edge.device.JsonValues;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.edge.sync.ResourceApplier;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.device.DesiredRule;

/**
 * Resource kind {@code Rule} in a {@code sync}: writes {@code rule_desired}. The {@link RuleEngine}
 * reloads after the sync commits and keeps the state of rules whose generation did not change.
 */
public final class RuleApplier implements ResourceApplier {

    @Override
    public String resource() {
        return DesiredRule.RESOURCE;
    }

    @Override
    public void apply(StoreTransaction tx, ResourceChange change) {
        switch (change.operation()) {
            case UPSERT -> {
                DesiredRule rule = decode(change);
                if (!rule.name().equals(change.name())) {
                    throw new IllegalArgumentException(
                            "rule change " + change.name() + " carries a spec named " + rule.name());
                }
                RuleTable.upsert(tx.connection(), rule, change.resourceVersion());
            }
            case DELETE -> RuleTable.delete(tx.connection(), change.name());
        }
    }

    @Override
    public void clear(StoreTransaction tx) {
        RuleTable.clear(tx.connection());
    }

    private static DesiredRule decode(ResourceChange change) {
        try {
            return JsonValues.MAPPER.treeToValue(change.spec().orElseThrow(), DesiredRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "rule " + change.name() + " has an invalid spec: " + e.getOriginalMessage(), e);
        }
    }
}
