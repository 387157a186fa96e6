-- EdgeFleet foundation schema: tenants, users, nodes with labels and credentials, enrollment tokens.
-- One script for MariaDB/MySQL (InnoDB) and H2 in MySQL mode (MODE=MySQL;DATABASE_TO_LOWER=TRUE).
-- Every TIMESTAMP column states its default: MySQL with explicit_defaults_for_timestamp=OFF would
-- otherwise give the first one ON UPDATE CURRENT_TIMESTAMP. Times are written by the server in UTC.
-- Names, label keys and values, hashes and user names compare case-sensitively (binary collations),
-- as on H2: MariaDB's default utf8mb4_general_ci would make 'Site' and 'site' one label key.

-- resource_version: the tenant's one counter, advanced in the same transaction as every change of a
-- resource's metadata or spec (DESIGN section 2). It is the ETag of changed resources and the version
-- that sync carries to edge nodes.
CREATE TABLE tenant (
    id               BIGINT AUTO_INCREMENT NOT NULL,
    name             VARCHAR(63)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    resource_version BIGINT       NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT pk_tenant PRIMARY KEY (id),
    CONSTRAINT uq_tenant_name UNIQUE (name)
);

INSERT INTO tenant (name, resource_version) VALUES ('default', 1);

-- People and integrations that call the REST API. password_hash holds PBKDF2-HMAC-SHA256 in the form
-- pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>.
CREATE TABLE app_user (
    id            BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id     BIGINT       NOT NULL,
    username      VARCHAR(64)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    role          VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uq_app_user_name UNIQUE (tenant_id, username),
    CONSTRAINT fk_app_user_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- Edge nodes. Metadata and spec changes advance resource_version; status columns (phase .. outbox_depth)
-- are observed values written at high rate and do not. last_applied_seq is the per-node cursor of the
-- reliable upstream stream (docs/decisions/0001): a message applies only when seq = last_applied_seq + 1.
CREATE TABLE node (
    id               BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id        BIGINT       NOT NULL,
    name             VARCHAR(63)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    resource_version BIGINT       NOT NULL,
    generation       BIGINT       NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    phase            VARCHAR(16)  NOT NULL,
    last_seen        TIMESTAMP(6) NULL DEFAULT NULL,
    agent_version    VARCHAR(64)  NOT NULL DEFAULT '',
    os               VARCHAR(64)  NOT NULL DEFAULT '',
    arch             VARCHAR(32)  NOT NULL DEFAULT '',
    hostname         VARCHAR(255) NOT NULL DEFAULT '',
    cpus             INT          NOT NULL DEFAULT 0,
    memory_mb        BIGINT       NOT NULL DEFAULT 0,
    applied_version  BIGINT       NOT NULL DEFAULT 0,
    outbox_depth     BIGINT       NOT NULL DEFAULT 0,
    last_applied_seq BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_node PRIMARY KEY (id),
    CONSTRAINT uq_node_name UNIQUE (tenant_id, name),
    CONSTRAINT fk_node_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- The lease sweep looks for Online nodes whose last_seen is older than the lease.
CREATE INDEX ix_node_phase_seen ON node (phase, last_seen);

-- Labels live in their own table so that label selectors run in SQL.
CREATE TABLE node_label (
    id          BIGINT AUTO_INCREMENT NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    node_id     BIGINT       NOT NULL,
    label_key   VARCHAR(317) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label_value VARCHAR(63)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CONSTRAINT pk_node_label PRIMARY KEY (id),
    CONSTRAINT uq_node_label UNIQUE (node_id, label_key),
    CONSTRAINT fk_node_label_node FOREIGN KEY (node_id) REFERENCES node (id) ON DELETE CASCADE,
    CONSTRAINT fk_node_label_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

CREATE INDEX ix_node_label_selector ON node_label (tenant_id, label_key, label_value);

-- The MQTT password issued at enrollment, as hex SHA-256 (a 256-bit random secret needs no slow hash).
-- Deleting the node deletes (revokes) it.
CREATE TABLE node_credential (
    node_id     BIGINT       NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    secret_hash VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT pk_node_credential PRIMARY KEY (node_id),
    CONSTRAINT fk_node_credential_node FOREIGN KEY (node_id) REFERENCES node (id) ON DELETE CASCADE,
    CONSTRAINT fk_node_credential_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- One-time enrollment tokens, stored as hex SHA-256 only. used_at is set in the transaction that
-- creates the node, under a row lock, so a token creates at most one node.
CREATE TABLE enrollment_token (
    id           VARCHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    tenant_id    BIGINT       NOT NULL,
    token_hash   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    node_name    VARCHAR(63)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    expires_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    used_at      TIMESTAMP(6) NULL DEFAULT NULL,
    used_by_node VARCHAR(63)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    CONSTRAINT pk_enrollment_token PRIMARY KEY (id),
    CONSTRAINT uq_enrollment_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_enrollment_token_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
