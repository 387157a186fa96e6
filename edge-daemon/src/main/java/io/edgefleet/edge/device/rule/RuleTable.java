package io.edgefleet.edge.device.rule;

import io.edgefleet.edge.device.JsonValues;
import io.edgefleet.edge.store.StoreException;
import io.edgefleet.protocol.device.DesiredRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** SQL of {@code rule_desired} (schema version 3): the {@code Rule} specs the cloud sent. */
public final class RuleTable {
    private RuleTable() {}

    static void upsert(Connection c, DesiredRule rule, long resourceVersion) {
        try (PreparedStatement upsert = c.prepareStatement(
                """
                INSERT INTO rule_desired (name, generation, spec, resource_version) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET generation = excluded.generation, spec = excluded.spec,
                  resource_version = excluded.resource_version""")) {
            upsert.setString(1, rule.name());
            upsert.setLong(2, rule.generation());
            upsert.setString(3, JsonValues.write(rule));
            upsert.setLong(4, resourceVersion);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store rule " + rule.name(), e);
        }
    }

    static void delete(Connection c, String name) {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM rule_desired WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot delete rule " + name, e);
        }
    }

    static void clear(Connection c) {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM rule_desired")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot clear rules", e);
        }
    }

    /** The rules by name. */
    public static Map<String, DesiredRule> rules(Connection c) {
        Map<String, DesiredRule> rules = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT name, spec FROM rule_desired");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                rules.put(rows.getString(1), JsonValues.read(rows.getString(2), DesiredRule.class));
            }
            return rules;
        } catch (SQLException e) {
            throw new StoreException("cannot read rules", e);
        }
    }
}
