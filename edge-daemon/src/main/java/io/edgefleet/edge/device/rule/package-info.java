/**
 * Edge-local rules (DESIGN section 2, Rule): {@link io.edgefleet.edge.device.rule.RuleEngine}
 * evaluates every reported value, online or offline; {@link io.edgefleet.edge.device.rule.RuleState}
 * is the pure per-rule state machine (hold for a duration, fire once, clear once).
 */
package io.edgefleet.edge.device.rule;
