-- Artifacts: content-addressed binaries, stored in the database in chunks (docs/decisions/0003).
-- Same dialect rules as V1 (H2 MySQL mode and MariaDB). Independent of V2: the check that no workload
-- still references an artifact reads workload.artifact_sha256 at deletion time, it needs no foreign key.

-- One streamed upload. Chunks are written under it in several short transactions while the body
-- arrives; publishing the artifact is one small transaction that sets published. Unpublished uploads
-- whose touched_at is old are deleted with their chunks (an interrupted or refused upload).
CREATE TABLE artifact_upload (
    id          BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    chunk_bytes INT          NOT NULL,
    published   BOOLEAN      NOT NULL DEFAULT FALSE,
    started_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    touched_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT pk_artifact_upload PRIMARY KEY (id),
    CONSTRAINT fk_artifact_upload_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_artifact_upload_stale ON artifact_upload (published, touched_at);

-- The bytes: chunk seq holds bytes [seq * chunk_bytes, (seq + 1) * chunk_bytes) of the upload. 1 MiB
-- chunks stay far below MariaDB's max_allowed_packet (16 MiB by default); MEDIUMBLOB holds up to 16 MiB.
CREATE TABLE artifact_chunk (
    upload_id BIGINT     NOT NULL,
    seq       INT        NOT NULL,
    data      MEDIUMBLOB NOT NULL,
    CONSTRAINT pk_artifact_chunk PRIMARY KEY (upload_id, seq),
    CONSTRAINT fk_artifact_chunk_upload FOREIGN KEY (upload_id) REFERENCES artifact_upload (id)
);

-- A published artifact: one row per content (tenant, sha256); the name is the one of the first upload.
CREATE TABLE artifact (
    id         BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id  BIGINT       NOT NULL,
    sha256     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name       VARCHAR(63)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    size_bytes BIGINT       NOT NULL,
    upload_id  BIGINT       NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    created_by VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT pk_artifact PRIMARY KEY (id),
    CONSTRAINT uq_artifact_sha256 UNIQUE (tenant_id, sha256),
    CONSTRAINT uq_artifact_upload UNIQUE (upload_id),
    CONSTRAINT fk_artifact_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_artifact_upload FOREIGN KEY (upload_id) REFERENCES artifact_upload (id)
);
