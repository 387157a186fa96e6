-- Events (DESIGN section 2): operational records (a node went offline, a workload failed, a device lost
-- its connection) and the audit of changes people made. Same dialect rules as V1 (H2 MySQL mode and
-- MariaDB). Each event is also a change-log row of kind Event, so the watch API streams and resumes it
-- like any other change (docs/decisions/0006); this table keeps events for queries after compaction.
-- id is the tenant resourceVersion the event was recorded at: its change-log row's version and its
-- watch event id.
CREATE TABLE event (
    tenant_id     BIGINT        NOT NULL,
    id            BIGINT        NOT NULL,
    occurred_at   TIMESTAMP(6)  NOT NULL,
    type          VARCHAR(16)   NOT NULL,
    reason        VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    involved_kind VARCHAR(32)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    involved_name VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    node_name     VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NULL,
    message       VARCHAR(1024) NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_event PRIMARY KEY (tenant_id, id),
    CONSTRAINT fk_event_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- Newest first, per tenant (the primary key), optionally per node or per involved resource.
CREATE INDEX ix_event_node ON event (tenant_id, node_name, id);
CREATE INDEX ix_event_involved ON event (tenant_id, involved_kind, involved_name, id);
CREATE INDEX ix_event_at ON event (occurred_at);
