package io.edgefleet.edge.device.rule;

import io.edgefleet.protocol.EdgeEvent;
import io.edgefleet.protocol.device.DesiredRule;
import io.edgefleet.protocol.device.ReportedValue;
import io.edgefleet.protocol.device.RuleAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's edge-local rules (DESIGN section 2, Rule): every reported value of a device goes
 * through {@link #onValues}, online or offline, and each rule on that device and property moves
 * its {@link RuleState}. Actions run after the state moved, outside the lock, on the calling device
 * worker. Thread-safe.
 */
public final class RuleEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

    private final RuleActions actions;
    private final Map<String, Loaded> rules = new HashMap<>();

    private record Loaded(DesiredRule rule, RuleState state) {}

    private record Firing(DesiredRule rule, RuleAction action, boolean clear) {}

    public RuleEngine(RuleActions actions) {
        this.actions = actions;
    }

    /** Takes the current rules; a rule whose generation did not change keeps its state. */
    public synchronized void reload(Map<String, DesiredRule> desired) {
        rules.keySet().retainAll(desired.keySet());
        desired.forEach((name, rule) -> {
            Loaded loaded = rules.get(name);
            if (loaded == null || loaded.rule().generation() != rule.generation()) {
                rules.put(name, new Loaded(rule, new RuleState(rule.when())));
            }
        });
    }

    /** The rules loaded now, by name. */
    public synchronized List<String> names() {
        return rules.keySet().stream().sorted().toList();
    }

    /** Evaluates every rule on {@code device} against the values, observed at {@code now}. */
    public void onValues(String device, List<ReportedValue> values, Instant now) {
        List<Firing> firings = new ArrayList<>();
        synchronized (this) {
            for (Loaded loaded : rules.values()) {
                if (!loaded.rule().when().device().equals(device)) {
                    continue;
                }
                for (ReportedValue value : values) {
                    if (!value.property().equals(loaded.rule().when().property())) {
                        continue;
                    }
                    switch (loaded.state().onValue(value, now)) {
                        case FIRED ->
                            firings.add(new Firing(loaded.rule(), loaded.rule().then(), false));
                        case CLEARED ->
                            loaded.rule()
                                    .onClear()
                                    .ifPresentOrElse(
                                            clear -> firings.add(new Firing(loaded.rule(), clear, true)),
                                            () -> LOG.info(
                                                    "EF3802 rule {} cleared",
                                                    loaded.rule().name()));
                        case NONE -> {
                            // no change
                        }
                    }
                }
            }
        }
        firings.forEach(firing -> run(firing, now));
    }

    private void run(Firing firing, Instant now) {
        String rule = firing.rule().name();
        RuleAction action = firing.action();
        String what = firing.clear() ? "cleared" : "fired";
        LOG.info("EF3800 rule {} {}: {}", rule, what, action.message());
        Optional<String> failure =
                switch (action.type()) {
                    case WRITE_PROPERTY ->
                        actions.writeProperty(
                                rule,
                                action.device().orElseThrow(),
                                action.property().orElseThrow(),
                                action.value().orElseThrow());
                    case RESTART_WORKLOAD ->
                        actions.restartWorkload(rule, action.workload().orElseThrow());
                    case RAISE_EVENT -> {
                        LOG.warn("EF3801 rule {} event: {}", rule, action.message());
                        yield Optional.empty();
                    }
                };
        failure.ifPresent(reason -> LOG.warn("EF3803 rule {} {} but its action failed: {}", rule, what, reason));
        raise(firing, now, failure);
    }

    /** Every firing and clearing is an event of the fleet, with the rule's message and any failure. */
    private void raise(Firing firing, Instant now, Optional<String> failure) {
        String message = firing.action().message()
                + failure.map(f -> " (the action failed: " + f + ")").orElse("");
        try {
            actions.raiseEvent(new EdgeEvent(
                    now,
                    firing.clear() && failure.isEmpty() ? "Normal" : "Warning",
                    firing.clear() ? "RuleCleared" : "RuleFired",
                    "Rule",
                    firing.rule().name(),
                    message.length() > EdgeEvent.MAX_MESSAGE ? message.substring(0, EdgeEvent.MAX_MESSAGE) : message));
        } catch (RuntimeException e) {
            // The action ran; only its record is missing. The log line above still tells the story.
            LOG.warn("EF3804 rule {} event not queued: {}", firing.rule().name(), e.toString());
        }
    }
}
