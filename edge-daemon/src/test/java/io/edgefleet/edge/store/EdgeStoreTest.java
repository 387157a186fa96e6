package io.edgefleet.edge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgefleet.edge.EdgeException;
import io.edgefleet.edge.testing.TestStores;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeStoreTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-22T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void freshStoreHasTheLatestSchemaAndOwnerOnlyPermissions() throws Exception {
        Path dataDir = tmp.resolve("data");

        try (EdgeStore store = EdgeStore.open(dataDir)) {
            assertThat(store.identity()).isEmpty();
            assertThat(store.recoveredFrom()).isEmpty();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("edge.db"))))
                .isEqualTo("rw-------");
        assertThat(StoreReader.read(dataDir))
                .get()
                .extracting(StoreSnapshot::schemaVersion)
                .isEqualTo(Schema.LATEST);
    }

    @Test
    void existingLooseDirectoryAndFileAreTightened() throws Exception {
        Path dataDir = tmp.resolve("data");
        Files.createDirectories(
                dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        EdgeStore.open(dataDir).close();
        Files.setPosixFilePermissions(dataDir.resolve("edge.db"), PosixFilePermissions.fromString("rw-r--r--"));

        EdgeStore.open(dataDir).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("edge.db"))))
                .isEqualTo("rw-------");
    }

    @Test
    void identitySurvivesReopen() {
        Path dataDir = tmp.resolve("data");
        TestStores.seed(dataDir, "tcp://127.0.0.1:1");

        try (EdgeStore store = EdgeStore.open(dataDir)) {
            assertThat(store.identity()).contains(TestStores.identity("tcp://127.0.0.1:1"));
        }
    }

    @Test
    void fileThatIsNotADatabaseIsMovedAsideAndAFreshStoreStarts() throws IOException {
        Path dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir);
        byte[] garbage = "this is not an SQLite database, just bytes on a dying SD card "
                .repeat(200)
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(dataDir.resolve("edge.db"), garbage);

        try (EdgeStore store = EdgeStore.open(dataDir, FIXED)) {
            Path aside = dataDir.resolve("edge.db.corrupt-20261122T101530Z");
            assertThat(store.recoveredFrom()).contains(aside);
            assertThat(aside).hasBinaryContent(garbage);
            assertThat(store.identity()).isEmpty();
        }
        assertThat(StoreReader.read(dataDir)).isPresent();
    }

    @Test
    void damagedPageInsideAValidDatabaseIsDetected() throws Exception {
        Path dataDir = tmp.resolve("data");
        TestStores.seed(dataDir, "tcp://127.0.0.1:1");
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            store.inTransaction(tx -> {
                try (PreparedStatement insert = tx.connection()
                        .prepareStatement(
                                "INSERT INTO outbox (seq, kind, payload, created_at) VALUES (?, 'x', ?, 0)")) {
                    for (int seq = 1; seq <= 300; seq++) {
                        insert.setInt(1, seq);
                        insert.setBytes(2, new byte[1000]);
                        insert.executeUpdate();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }
        // Scribble over the second page, where the tables' b-trees start.
        try (RandomAccessFile file =
                new RandomAccessFile(dataDir.resolve("edge.db").toFile(), "rw")) {
            byte[] scribble = new byte[4096];
            Arrays.fill(scribble, (byte) 0x5a);
            file.seek(4096);
            file.write(scribble);
        }

        try (EdgeStore store = EdgeStore.open(dataDir, FIXED)) {
            assertThat(store.recoveredFrom()).isPresent();
            assertThat(store.identity()).isEmpty();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("edge.db.corrupt-20261122T101530Z");
        }
    }

    @Test
    void storeWrittenByANewerDaemonIsRefused() throws Exception {
        Path dataDir = tmp.resolve("data");
        try (EdgeStore store = EdgeStore.open(dataDir)) {
            store.inTransaction(tx -> {
                try (Statement statement = tx.connection().createStatement()) {
                    statement.execute("PRAGMA user_version = " + (Schema.LATEST + 1));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        }

        assertThatThrownBy(() -> EdgeStore.open(dataDir))
                .isInstanceOfSatisfying(
                        EdgeException.class, e -> assertThat(e.code()).isEqualTo("store-too-new"))
                .hasMessageContaining("schema version " + (Schema.LATEST + 1));
    }

    @Test
    void failedTransactionLeavesNothingBehind() {
        try (EdgeStore store = EdgeStore.open(tmp)) {
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                        tx.putMeta(MetaKey.APPLIED_VERSION, 42);
                        throw new IllegalStateException("boom");
                    }))
                    .hasMessage("boom");

            Optional<String> applied = store.inTransaction(tx -> tx.meta(MetaKey.APPLIED_VERSION));
            assertThat(applied).isEmpty();
        }
    }

    @Test
    void nestedTransactionsJoinTheOuterOne() {
        try (EdgeStore store = EdgeStore.open(tmp)) {
            assertThatThrownBy(() -> store.inTransaction(outer -> {
                        store.inTransaction(inner -> {
                            inner.putMeta(MetaKey.APPLIED_VERSION, 7);
                            return null;
                        });
                        throw new IllegalStateException("outer fails");
                    }))
                    .hasMessage("outer fails");

            Optional<String> applied = store.inTransaction(tx -> tx.meta(MetaKey.APPLIED_VERSION));
            assertThat(applied).isEmpty();
        }
    }

    @Test
    void aSecondDaemonCannotTakeTheDataDirectory() {
        DataDirLock first = DataDirLock.acquire(tmp, Duration.ZERO);
        try {
            assertThat(DataDirLock.isHeld(tmp)).isTrue();
            assertThatThrownBy(() -> DataDirLock.acquire(tmp, Duration.ofMillis(100)))
                    .isInstanceOfSatisfying(
                            EdgeException.class, e -> assertThat(e.code()).isEqualTo("daemon-running"));
        } finally {
            first.close();
        }
        assertThat(DataDirLock.isHeld(tmp)).isFalse();
    }

    @Test
    void readerSeesAnEmptyDirectoryAsNoStore() {
        assertThat(StoreReader.read(tmp.resolve("nothing-here"))).isEmpty();
    }
}
