package io.edgefleet.server.artifact;

import io.edgefleet.server.resource.ListMeta;
import io.edgefleet.server.tenant.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The artifact tables (V3): uploads, their chunks and published artifacts, in plain JDBC because
 * chunks are bytes the JPA model has no use for. Every method is its own short transaction, so an
 * upload of hundreds of MiB never holds one open (docs/decisions/0003).
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class ArtifactStore {
    private static final String COLUMNS =
            "a.name, a.sha256, a.size_bytes, a.created_at, a.created_by, a.upload_id, u.chunk_bytes";

    @Resource(lookup = "jdbc/fleet")
    DataSource dataSource;

    /** Starts an upload; its chunks follow with {@link #stageChunk}. */
    public long beginUpload(TenantRef tenant, int chunkBytes, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO artifact_upload (tenant_id, chunk_bytes, published, started_at, touched_at)"
                                + " VALUES (?, ?, FALSE, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, tenant.id());
            insert.setInt(2, chunkBytes);
            insert.setObject(3, utc(now));
            insert.setObject(4, utc(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for artifact_upload");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("start an upload", e);
        }
    }

    public void stageChunk(long uploadId, int seq, byte[] data, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("INSERT INTO artifact_chunk (upload_id, seq, data) VALUES (?, ?, ?)");
                PreparedStatement touch =
                        c.prepareStatement("UPDATE artifact_upload SET touched_at = ? WHERE id = ?")) {
            insert.setLong(1, uploadId);
            insert.setInt(2, seq);
            insert.setBytes(3, data);
            insert.executeUpdate();
            touch.setObject(1, utc(now));
            touch.setLong(2, uploadId);
            touch.executeUpdate();
        } catch (SQLException e) {
            throw failure("store a chunk", e);
        }
    }

    /**
     * Publishes a complete upload as artifact {@code sha256}, or, when that content exists already,
     * drops the upload's chunks and answers the existing artifact.
     */
    public UploadOutcome publish(TenantRef tenant, long uploadId, Artifact artifact) {
        try (Connection c = dataSource.getConnection()) {
            Optional<StoredArtifact> existing = find(c, tenant, artifact.sha256());
            if (existing.isPresent()) {
                discard(c, uploadId);
                return new UploadOutcome.Existing(existing.get().artifact());
            }
            try (PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO artifact (tenant_id, sha256, name, size_bytes, upload_id, created_at, created_by)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement mark =
                            c.prepareStatement("UPDATE artifact_upload SET published = TRUE WHERE id = ?")) {
                insert.setLong(1, tenant.id());
                insert.setString(2, artifact.sha256());
                insert.setString(3, artifact.name());
                insert.setLong(4, artifact.sizeBytes());
                insert.setLong(5, uploadId);
                insert.setObject(6, utc(artifact.createdAt()));
                insert.setString(7, artifact.createdBy());
                insert.executeUpdate();
                mark.setLong(1, uploadId);
                mark.executeUpdate();
            } catch (SQLException e) {
                if (!isConstraintViolation(e)) {
                    throw e;
                }
                // The same content was published by a concurrent upload a moment ago.
                Optional<StoredArtifact> raced = find(c, tenant, artifact.sha256());
                if (raced.isEmpty()) {
                    throw e;
                }
                discard(c, uploadId);
                return new UploadOutcome.Existing(raced.get().artifact());
            }
            return new UploadOutcome.Created(artifact);
        } catch (SQLException e) {
            throw failure("publish an artifact", e);
        }
    }

    /** Deletes an unpublished upload and its chunks (refused or broken off). */
    public void discard(long uploadId) {
        try (Connection c = dataSource.getConnection()) {
            discard(c, uploadId);
        } catch (SQLException e) {
            throw failure("discard an upload", e);
        }
    }

    /** The unpublished uploads nobody has written to since {@code before}. */
    public List<Long> staleUploads(Instant before) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT id FROM artifact_upload WHERE published = FALSE AND touched_at < ?")) {
            select.setObject(1, utc(before));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("find stale uploads", e);
        }
    }

    public Optional<StoredArtifact> find(TenantRef tenant, String sha256) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, tenant, sha256);
        } catch (SQLException e) {
            throw failure("read an artifact", e);
        }
    }

    /** Chunk {@code seq} of an upload; empty when the artifact was deleted meanwhile. */
    public Optional<byte[]> chunk(long uploadId, int seq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select =
                        c.prepareStatement("SELECT data FROM artifact_chunk WHERE upload_id = ? AND seq = ?")) {
            select.setLong(1, uploadId);
            select.setInt(2, seq);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read a chunk", e);
        }
    }

    /** A page of at most {@code limit} artifacts with a sha256 after {@code after}. */
    public ArtifactList list(TenantRef tenant, int limit, Optional<String> after, long resourceVersion) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM artifact a JOIN artifact_upload u ON u.id = a.upload_id"
                        + " WHERE a.tenant_id = ? AND a.sha256 > ? ORDER BY a.sha256 LIMIT ?")) {
            select.setLong(1, tenant.id());
            select.setString(2, after.orElse(""));
            select.setInt(3, limit + 1);
            List<Artifact> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(read(rows).artifact());
                }
            }
            Optional<String> next = Optional.empty();
            if (items.size() > limit) {
                items = items.subList(0, limit);
                next = Optional.of(
                        ArtifactContinueToken.after(items.get(limit - 1).sha256()));
            }
            return new ArtifactList(List.copyOf(items), new ListMeta(resourceVersion, next));
        } catch (SQLException e) {
            throw failure("list artifacts", e);
        }
    }

    /** What {@link #delete} did. */
    public sealed interface Deletion {
        record Deleted() implements Deletion {}

        record NotFound() implements Deletion {}

        /** Workloads whose current template runs the artifact: nothing was deleted. */
        record InUse(long workloads) implements Deletion {}
    }

    /** Deletes an artifact and its bytes, unless a workload's current template still runs it. */
    public Deletion delete(TenantRef tenant, String sha256) {
        try (Connection c = dataSource.getConnection()) {
            Optional<StoredArtifact> stored = findForUpdate(c, tenant, sha256);
            if (stored.isEmpty()) {
                return new Deletion.NotFound();
            }
            long users = workloadsUsing(c, tenant, sha256);
            if (users > 0) {
                return new Deletion.InUse(users);
            }
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM artifact WHERE tenant_id = ? AND sha256 = ?")) {
                delete.setLong(1, tenant.id());
                delete.setString(2, sha256);
                delete.executeUpdate();
            }
            deleteUpload(c, stored.get().uploadId());
            return new Deletion.Deleted();
        } catch (SQLException e) {
            throw failure("delete an artifact", e);
        }
    }

    private static long workloadsUsing(Connection c, TenantRef tenant, String sha256) throws SQLException {
        try (PreparedStatement count =
                c.prepareStatement("SELECT COUNT(*) FROM workload WHERE tenant_id = ? AND artifact_sha256 = ?")) {
            count.setLong(1, tenant.id());
            count.setString(2, sha256);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Optional<StoredArtifact> find(Connection c, TenantRef tenant, String sha256) throws SQLException {
        return select(c, tenant, sha256, "");
    }

    private static Optional<StoredArtifact> findForUpdate(Connection c, TenantRef tenant, String sha256)
            throws SQLException {
        return select(c, tenant, sha256, " FOR UPDATE");
    }

    private static Optional<StoredArtifact> select(Connection c, TenantRef tenant, String sha256, String lock)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM artifact a JOIN artifact_upload u ON u.id = a.upload_id"
                + " WHERE a.tenant_id = ? AND a.sha256 = ?" + lock)) {
            select.setLong(1, tenant.id());
            select.setString(2, sha256);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static StoredArtifact read(ResultSet rows) throws SQLException {
        Artifact artifact = new Artifact(
                rows.getString(1),
                rows.getString(2),
                rows.getLong(3),
                rows.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rows.getString(5));
        return new StoredArtifact(artifact, rows.getLong(6), rows.getInt(7));
    }

    private static void discard(Connection c, long uploadId) throws SQLException {
        try (PreparedStatement published =
                c.prepareStatement("SELECT published FROM artifact_upload WHERE id = ? FOR UPDATE")) {
            published.setLong(1, uploadId);
            try (ResultSet rows = published.executeQuery()) {
                if (!rows.next() || rows.getBoolean(1)) {
                    return;
                }
            }
        }
        deleteUpload(c, uploadId);
    }

    private static void deleteUpload(Connection c, long uploadId) throws SQLException {
        try (PreparedStatement chunks = c.prepareStatement("DELETE FROM artifact_chunk WHERE upload_id = ?");
                PreparedStatement upload = c.prepareStatement("DELETE FROM artifact_upload WHERE id = ?")) {
            chunks.setLong(1, uploadId);
            chunks.executeUpdate();
            upload.setLong(1, uploadId);
            upload.executeUpdate();
        }
    }

    private static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
