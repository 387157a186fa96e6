-- Device models, devices bound to nodes, their twins, edge-local rules, and the history of reported
-- readings (issue 4). Same dialect rules as V1 (H2 MySQL mode and MariaDB).

-- A device model: typed properties (name, type, unit, min, max, accessMode, description) as JSON.
-- Metadata and spec changes advance the tenant's resource_version, like every resource.
CREATE TABLE device_model (
    id               BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id        BIGINT        NOT NULL,
    name             VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    resource_version BIGINT        NOT NULL,
    generation       BIGINT        NOT NULL,
    created_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    labels_json      TEXT          NOT NULL,
    spec_json        MEDIUMTEXT    NOT NULL,
    CONSTRAINT pk_device_model PRIMARY KEY (id),
    CONSTRAINT uq_device_model_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_device_model_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- A device: an instance of a model bound to one node (spec.node), with its protocol, connection and
-- per-property visitors in spec_json. state is observed (Unknown until the node reports).
CREATE TABLE device (
    id               BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id        BIGINT        NOT NULL,
    name             VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    resource_version BIGINT        NOT NULL,
    generation       BIGINT        NOT NULL,
    created_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    labels_json      TEXT          NOT NULL,
    node_name        VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    model_name       VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    spec_json        MEDIUMTEXT    NOT NULL,
    -- The tenant version of the last change of a desired value: the twin's ETag.
    twin_version     BIGINT        NOT NULL DEFAULT 0,
    state            VARCHAR(16)   NOT NULL DEFAULT 'Unknown',
    state_since      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    reported_at      TIMESTAMP(6)  NULL,
    CONSTRAINT pk_device PRIMARY KEY (id),
    CONSTRAINT uq_device_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_device_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_device_node ON device (tenant_id, node_name);
CREATE INDEX ix_device_model ON device (tenant_id, model_name);

-- The twin: per device property the desired value (set in the cloud or accepted from the edge, decision
-- 0005) and the last reported one. Values are JSON (number, boolean or string).
CREATE TABLE twin_property (
    device_id            BIGINT        NOT NULL,
    property             VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    desired_json         VARCHAR(4096) NULL,
    desired_version      BIGINT        NOT NULL,
    desired_by           VARCHAR(96)   NULL,
    desired_at           TIMESTAMP(6)  NULL,
    reported_json        VARCHAR(4096) NULL,
    reported_quality     VARCHAR(8)    NULL,
    reported_source_time TIMESTAMP(6)  NULL,
    reported_error       VARCHAR(512)  NULL,
    reported_at          TIMESTAMP(6)  NULL,
    CONSTRAINT pk_twin_property PRIMARY KEY (device_id, property),
    CONSTRAINT fk_twin_property_device FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE
);

-- An edge-local rule; device_name is the condition's device, whose node evaluates it.
CREATE TABLE rule (
    id               BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id        BIGINT        NOT NULL,
    name             VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    resource_version BIGINT        NOT NULL,
    generation       BIGINT        NOT NULL,
    created_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    labels_json      TEXT          NOT NULL,
    device_name      VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    spec_json        MEDIUMTEXT    NOT NULL,
    CONSTRAINT pk_rule PRIMARY KEY (id),
    CONSTRAINT uq_rule_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_rule_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_rule_device ON rule (tenant_id, device_name);

-- What each node must hold of devices, desired values and rules (resource kind Device, DeviceDesired,
-- Rule), with the spec to send: the device side of decision 0004. assigned_version is the tenant version
-- of the row's last change; removed rows are tombstones, compacted like workload_assignment's.
CREATE TABLE resource_assignment (
    tenant_id        BIGINT      NOT NULL,
    node_id          BIGINT      NOT NULL,
    resource_kind    VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name             VARCHAR(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    assigned_version BIGINT      NOT NULL,
    removed          BOOLEAN     NOT NULL,
    spec_json        MEDIUMTEXT  NULL,
    CONSTRAINT pk_resource_assignment PRIMARY KEY (node_id, resource_kind, name),
    CONSTRAINT fk_resource_assignment_node FOREIGN KEY (node_id) REFERENCES node (id) ON DELETE CASCADE,
    CONSTRAINT fk_resource_assignment_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_resource_assignment_delta ON resource_assignment (node_id, assigned_version);

-- Reported readings over time (telemetry batches and twin reports), for the history query. Kept for the
-- retention (FLEET_READING_RETENTION_HOURS); value_num holds numbers and booleans (1/0) for downsampling,
-- value_text the JSON value as reported.
CREATE TABLE reading (
    id          BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id   BIGINT        NOT NULL,
    device_name VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    property    VARCHAR(63)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    source_time TIMESTAMP(6)  NOT NULL,
    value_num   DOUBLE        NULL,
    value_text  VARCHAR(4096) NULL,
    quality     VARCHAR(8)    NOT NULL,
    CONSTRAINT pk_reading PRIMARY KEY (id)
);

CREATE INDEX ix_reading_series ON reading (tenant_id, device_name, property, source_time);
CREATE INDEX ix_reading_time ON reading (source_time);

-- Per node: the last telemetry batch stored, so a resent batch is acknowledged without storing it twice.
ALTER TABLE node ADD COLUMN last_telemetry_batch BIGINT NOT NULL DEFAULT 0;
-- Per node: readings the node reported as dropped from its bounded buffer, summed.
ALTER TABLE node ADD COLUMN telemetry_dropped BIGINT NOT NULL DEFAULT 0;
