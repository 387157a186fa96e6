-- Answers to commands that someone waits for (the logs of a workload, read on the edge PC). The member that
-- sends the command writes the request here first (status 0); whichever cluster member receives the node's
-- answer through the shared subscription fills it in, if the row is there and names the same node; the
-- waiting member reads it and deletes the row. Rows left by a member that died are swept after 10 minutes.
-- Same dialect rules as V1 (H2 MySQL mode and MariaDB).
CREATE TABLE command_answer (
    request_id  VARCHAR(64)  NOT NULL,
    tenant_id   BIGINT       NOT NULL,
    node_name   VARCHAR(63)  NOT NULL,
    status      INT          NOT NULL DEFAULT 0,
    body        MEDIUMTEXT,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT pk_command_answer PRIMARY KEY (request_id)
);

CREATE INDEX ix_command_answer_created ON command_answer (created_at);
