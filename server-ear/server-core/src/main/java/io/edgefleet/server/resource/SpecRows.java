package io.edgefleet.server.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.protocol.ProtocolCodec;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rows of spec resources (device models, devices, rules) through native SQL, one code path for every
 * {@link SpecTable}: their shape is the same and they need no object graph, so a JPA entity per kind
 * would add mapping without adding anything a reader needs.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SpecRows {
    public static final ObjectMapper MAPPER = ProtocolCodec.newMapper(4 * 1024 * 1024);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    public Optional<SpecRow> find(SpecTable table, TenantRef tenant, String name, boolean forUpdate) {
        Query query = em.createNativeQuery(
                        select(table) + " WHERE tenant_id = ?1 AND name = ?2" + (forUpdate ? " FOR UPDATE" : ""))
                .setParameter(1, tenant.id())
                .setParameter(2, name);
        return rows(table, query).stream().findFirst();
    }

    /** Up to {@code limit} rows in name order after {@code after}. */
    public List<SpecRow> page(SpecTable table, TenantRef tenant, Optional<String> after, int limit) {
        return page(table, tenant, Optional.empty(), after, limit);
    }

    /** Rows whose extra column holds a value, e.g. the devices of one node. */
    public record Filter(String column, String value) {}

    /** A page in name order, only rows that pass {@code filter} when there is one. */
    public List<SpecRow> page(
            SpecTable table, TenantRef tenant, Optional<Filter> filter, Optional<String> after, int limit) {
        filter.ifPresent(f -> {
            if (!table.extraColumns().contains(f.column())) {
                throw new IllegalArgumentException(f.column() + " is not an extra column of " + table.table());
            }
        });
        int filterPosition = after.isPresent() ? 3 : 2;
        Query query = em.createNativeQuery(select(table) + " WHERE tenant_id = ?1"
                        + (after.isPresent() ? " AND name > ?2" : "")
                        + filter.map(f -> " AND " + f.column() + " = ?" + filterPosition)
                                .orElse("")
                        + " ORDER BY name")
                .setParameter(1, tenant.id())
                .setMaxResults(limit);
        after.ifPresent(a -> query.setParameter(2, a));
        filter.ifPresent(f -> query.setParameter(filterPosition, f.value()));
        return rows(table, query);
    }

    /** Every row whose extra {@code column} holds {@code value}, in name order. */
    public List<SpecRow> where(SpecTable table, TenantRef tenant, String column, String value) {
        if (!table.extraColumns().contains(column)) {
            throw new IllegalArgumentException(column + " is not an extra column of " + table.table());
        }
        Query query = em.createNativeQuery(
                        select(table) + " WHERE tenant_id = ?1 AND " + column + " = ?2 ORDER BY name")
                .setParameter(1, tenant.id())
                .setParameter(2, value);
        return rows(table, query);
    }

    /** How many rows' extra {@code column} holds {@code value}. */
    public long count(SpecTable table, TenantRef tenant, String column, String value) {
        if (!table.extraColumns().contains(column)) {
            throw new IllegalArgumentException(column + " is not an extra column of " + table.table());
        }
        return Columns.number(em.createNativeQuery(
                        "SELECT COUNT(*) FROM " + table.table() + " WHERE tenant_id = ?1 AND " + column + " = ?2")
                .setParameter(1, tenant.id())
                .setParameter(2, value)
                .getSingleResult());
    }

    public void insert(
            SpecTable table,
            TenantRef tenant,
            String name,
            long version,
            Map<String, String> labels,
            ObjectNode spec,
            Map<String, Object> extras,
            Instant now) {
        String extraNames = table.extraColumns().stream().map(c -> ", " + c).collect(Collectors.joining());
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < table.extraColumns().size(); i++) {
            marks.append(", ?").append(9 + i);
        }
        Query insert = em.createNativeQuery("INSERT INTO " + table.table()
                        + " (tenant_id, name, resource_version, generation, created_at, updated_at, labels_json,"
                        + " spec_json" + extraNames + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8" + marks + ")")
                .setParameter(1, tenant.id())
                .setParameter(2, name)
                .setParameter(3, version)
                .setParameter(4, 1L)
                .setParameter(5, now)
                .setParameter(6, now)
                .setParameter(7, write(labels))
                .setParameter(8, write(spec));
        bindExtras(table, insert, extras, 9);
        insert.executeUpdate();
    }

    public void update(
            SpecTable table,
            long id,
            long version,
            long generation,
            Map<String, String> labels,
            ObjectNode spec,
            Map<String, Object> extras,
            Instant now) {
        String extraSets = table.extraColumns().stream()
                .map(c -> ", " + c + " = ?" + (7 + table.extraColumns().indexOf(c)))
                .collect(Collectors.joining());
        Query update = em.createNativeQuery("UPDATE " + table.table()
                        + " SET resource_version = ?2, generation = ?3, updated_at = ?4, labels_json = ?5,"
                        + " spec_json = ?6" + extraSets + " WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, version)
                .setParameter(3, generation)
                .setParameter(4, now)
                .setParameter(5, write(labels))
                .setParameter(6, write(spec));
        bindExtras(table, update, extras, 7);
        update.executeUpdate();
    }

    public void delete(SpecTable table, long id) {
        em.createNativeQuery("DELETE FROM " + table.table() + " WHERE id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private static void bindExtras(SpecTable table, Query query, Map<String, Object> extras, int first) {
        for (int i = 0; i < table.extraColumns().size(); i++) {
            String column = table.extraColumns().get(i);
            if (!extras.containsKey(column)) {
                throw new IllegalArgumentException("no value for " + table.table() + "." + column);
            }
            query.setParameter(first + i, extras.get(column));
        }
    }

    private static String select(SpecTable table) {
        String extraNames = table.extraColumns().stream().map(c -> ", " + c).collect(Collectors.joining());
        return "SELECT id, name, resource_version, generation, created_at, updated_at, labels_json, spec_json"
                + extraNames + " FROM " + table.table();
    }

    @SuppressWarnings("unchecked")
    private static List<SpecRow> rows(SpecTable table, Query query) {
        List<SpecRow> rows = new ArrayList<>();
        for (Object[] columns : (List<Object[]>) query.getResultList()) {
            Map<String, Object> extras = new LinkedHashMap<>();
            for (int i = 0; i < table.extraColumns().size(); i++) {
                extras.put(table.extraColumns().get(i), columns[8 + i]);
            }
            rows.add(new SpecRow(
                    Columns.number(columns[0]),
                    (String) columns[1],
                    Columns.number(columns[2]),
                    Columns.number(columns[3]),
                    Columns.instant(columns[4]).orElseThrow(),
                    Columns.instant(columns[5]).orElseThrow(),
                    readLabels(Columns.text(columns[6]).orElse("{}")),
                    readSpec(Columns.text(columns[7]).orElse("{}")),
                    extras));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> readLabels(String json) {
        try {
            return MAPPER.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored labels cannot be read", e);
        }
    }

    private static ObjectNode readSpec(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored spec cannot be read", e);
        }
    }
}
