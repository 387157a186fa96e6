package io.edgefleet.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edgefleet.edge.store.EdgeStore;
import io.edgefleet.edge.store.StoreTransaction;
import io.edgefleet.protocol.ResourceChange;
import io.edgefleet.protocol.Sync;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncApplierTest {
    @TempDir
    Path dataDir;

    private EdgeStore store;

    /** A resource kind that keeps its resources in a table of its own, as real appliers will. */
    private static final class TableApplier implements ResourceApplier {
        final List<String> seen = new ArrayList<>();
        boolean failNext;

        @Override
        public String resource() {
            return "Widget";
        }

        @Override
        public void apply(StoreTransaction tx, ResourceChange change) {
            if (failNext) {
                throw new IllegalStateException("disk says no");
            }
            seen.add(change.name());
            String sql = change.operation() == ResourceChange.Operation.UPSERT
                    ? "INSERT OR REPLACE INTO widget (name, version) VALUES (?, ?)"
                    : "DELETE FROM widget WHERE name = ? AND ? > 0";
            try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
                statement.setString(1, change.name());
                statement.setLong(2, change.resourceVersion());
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void clear(StoreTransaction tx) {
            try (Statement statement = tx.connection().createStatement()) {
                statement.execute("DELETE FROM widget");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final TableApplier widgets = new TableApplier();

    @BeforeEach
    void openStore() {
        store = EdgeStore.open(dataDir);
        store.inTransaction(tx -> {
            try (Statement statement = tx.connection().createStatement()) {
                statement.execute("CREATE TABLE widget (name TEXT PRIMARY KEY, version INTEGER NOT NULL)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static ResourceChange upsert(long version, String kind, String name) {
        return new ResourceChange(
                version,
                kind,
                name,
                ResourceChange.Operation.UPSERT,
                Optional.of(JsonNodeFactory.instance.objectNode()));
    }

    private List<String> widgetNames() {
        return store.inTransaction(tx -> {
            List<String> names = new ArrayList<>();
            try (Statement statement = tx.connection().createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM widget ORDER BY name")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return names;
        });
    }

    @Test
    void applyingTheSameSyncTwiceHasNoFurtherEffect() {
        SyncApplier applier = new SyncApplier(store, List.of(widgets));
        Sync sync = new Sync(0, 7, false, List.of(upsert(3, "Widget", "a"), upsert(7, "Widget", "b")));

        assertThat(applier.apply(sync)).isEqualTo(new SyncOutcome.Applied(7, 2, 0));
        assertThat(applier.apply(sync)).isEqualTo(new SyncOutcome.AlreadyApplied(7));

        assertThat(widgets.seen).containsExactly("a", "b");
        assertThat(applier.appliedVersion()).isEqualTo(7);
    }

    @Test
    void anOlderSyncNeverLowersTheAppliedVersion() {
        SyncApplier applier = new SyncApplier(store, List.of());
        applier.apply(new Sync(0, 9, false, List.of()));

        assertThat(applier.apply(new Sync(0, 4, false, List.of()))).isEqualTo(new SyncOutcome.AlreadyApplied(9));
        assertThat(applier.apply(new Sync(2, 4, true, List.of()))).isEqualTo(new SyncOutcome.AlreadyApplied(9));
        assertThat(applier.appliedVersion()).isEqualTo(9);
    }

    @Test
    void anOverlappingDeltaAppliesOnlyTheNewChanges() {
        SyncApplier applier = new SyncApplier(store, List.of(widgets));
        applier.apply(new Sync(0, 5, false, List.of(upsert(5, "Widget", "a"))));

        assertThat(applier.apply(new Sync(3, 8, false, List.of(upsert(5, "Widget", "a"), upsert(8, "Widget", "c")))))
                .isEqualTo(new SyncOutcome.Applied(8, 1, 0));
        assertThat(widgets.seen).containsExactly("a", "c");
    }

    @Test
    void aSyncThatSkipsVersionsIsRefused() {
        SyncApplier applier = new SyncApplier(store, List.of(widgets));

        assertThat(applier.apply(new Sync(4, 6, false, List.of(upsert(6, "Widget", "a")))))
                .isEqualTo(new SyncOutcome.Gap(0, 4));
        assertThat(applier.appliedVersion()).isZero();
        assertThat(widgets.seen).isEmpty();
    }

    @Test
    void changesOfUnknownKindsAreSkippedAndTheVersionStillMoves() {
        SyncApplier applier = new SyncApplier(store, List.of(widgets));

        assertThat(applier.apply(new Sync(0, 3, false, List.of(upsert(2, "Gadget", "g"), upsert(3, "Widget", "w")))))
                .isEqualTo(new SyncOutcome.Applied(3, 1, 1));
        assertThat(widgetNames()).containsExactly("w");
    }

    @Test
    void aFailingApplierRollsBackTheWholeBatch() {
        SyncApplier applier = new SyncApplier(store, List.of(widgets));
        applier.apply(new Sync(0, 1, false, List.of(upsert(1, "Widget", "kept"))));
        widgets.failNext = true;

        SyncOutcome outcome = applier.apply(new Sync(1, 2, false, List.of(upsert(2, "Widget", "lost"))));

        assertThat(outcome).isInstanceOf(SyncOutcome.Failed.class);
        assertThat(outcome.appliedVersion()).isEqualTo(1);
        assertThat(widgetNames()).containsExactly("kept");
    }

    @Test
    void aSnapshotReplacesEverythingTheNodeHeld() {
        SyncApplier applier = new SyncApplier(store, List.of(widgets));
        applier.apply(new Sync(0, 2, false, List.of(upsert(1, "Widget", "old"), upsert(2, "Widget", "older"))));

        assertThat(applier.apply(new Sync(10, 12, true, List.of(upsert(12, "Widget", "new")))))
                .isEqualTo(new SyncOutcome.Applied(12, 1, 0));
        assertThat(widgetNames()).containsExactly("new");
    }
}
