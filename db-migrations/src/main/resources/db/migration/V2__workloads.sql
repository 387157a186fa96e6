-- Workloads, their per-node assignments (the source of desired-state sync), observed instance status,
-- and the tenant change log behind the watch API. Same dialect rules as V1 (H2 MySQL mode and MariaDB).

-- A workload: run template on every node matching selector. generation advances with every spec change;
-- revisions keep the template of each generation while a rolling update hands it out node by node.
CREATE TABLE workload (
    id               BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id        BIGINT        NOT NULL,
    name             VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    resource_version BIGINT        NOT NULL,
    generation       BIGINT        NOT NULL,
    created_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    labels_json      TEXT          NOT NULL,
    selector         VARCHAR(2048) NOT NULL,
    max_unavailable  INT           NOT NULL,
    template_json    MEDIUMTEXT    NOT NULL,
    -- The artifact the current template runs, so that an artifact in use cannot be deleted.
    artifact_sha256  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    CONSTRAINT pk_workload PRIMARY KEY (id),
    CONSTRAINT uq_workload_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_workload_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_workload_artifact ON workload (artifact_sha256);

CREATE TABLE workload_revision (
    workload_id   BIGINT     NOT NULL,
    generation    BIGINT     NOT NULL,
    template_json MEDIUMTEXT NOT NULL,
    CONSTRAINT pk_workload_revision PRIMARY KEY (workload_id, generation),
    CONSTRAINT fk_workload_revision_workload FOREIGN KEY (workload_id) REFERENCES workload (id) ON DELETE CASCADE
);

-- What each node must run: one row per (node, workload), generation as handed out by the rollout.
-- assigned_version is the tenant resourceVersion of the row's last change; a node's sync delta is its
-- rows with assigned_version above its appliedVersion. removed rows are tombstones that tell a node to
-- stop a workload; compaction deletes old ones and raises tenant.compacted_version.
CREATE TABLE workload_assignment (
    tenant_id        BIGINT      NOT NULL,
    node_id          BIGINT      NOT NULL,
    workload_name    VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    generation       BIGINT      NOT NULL,
    assigned_version BIGINT      NOT NULL,
    removed          BOOLEAN     NOT NULL,
    CONSTRAINT pk_workload_assignment PRIMARY KEY (node_id, workload_name),
    CONSTRAINT fk_workload_assignment_node FOREIGN KEY (node_id) REFERENCES node (id) ON DELETE CASCADE,
    CONSTRAINT fk_workload_assignment_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_workload_assignment_delta ON workload_assignment (node_id, assigned_version);
CREATE INDEX ix_workload_assignment_workload ON workload_assignment (tenant_id, workload_name, removed);

-- The latest observed state of each instance, as the node reported it through its reliable stream.
CREATE TABLE workload_instance (
    tenant_id      BIGINT        NOT NULL,
    node_id        BIGINT        NOT NULL,
    workload_name  VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    generation     BIGINT        NOT NULL,
    phase          VARCHAR(16)   NOT NULL,
    restarts       INT           NOT NULL,
    last_exit_code INT           NULL,
    message        VARCHAR(1024) NOT NULL,
    since          TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    reported_at    TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT pk_workload_instance PRIMARY KEY (node_id, workload_name),
    CONSTRAINT fk_workload_instance_node FOREIGN KEY (node_id) REFERENCES node (id) ON DELETE CASCADE,
    CONSTRAINT fk_workload_instance_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_workload_instance_workload ON workload_instance (tenant_id, workload_name);
CREATE INDEX ix_workload_instance_reported ON workload_instance (reported_at);

-- Every change of a resource's metadata or spec, keyed by the tenant's resourceVersion: the watch API
-- replays it to clients that resume. Rows older than the retention are compacted away.
CREATE TABLE change_log (
    tenant_id        BIGINT       NOT NULL,
    resource_version BIGINT       NOT NULL,
    resource_kind    VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name             VARCHAR(63)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    operation        VARCHAR(16)  NOT NULL,
    object_json      MEDIUMTEXT   NOT NULL,
    changed_by       VARCHAR(64)  NOT NULL,
    changed_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT pk_change_log PRIMARY KEY (tenant_id, resource_version),
    CONSTRAINT fk_change_log_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_change_log_at ON change_log (changed_at);

-- Versions at or below compacted_version may be missing from change_log and from the tombstones of
-- workload_assignment: a node or watch client that is older gets a snapshot (or 410 Gone).
ALTER TABLE tenant ADD COLUMN compacted_version BIGINT NOT NULL DEFAULT 0;
