-- Flows of a connection (order import by polling first): whether it runs, how often, where it has read up to, and
-- a record of every run with its counts, so dashboards can show throughput, failures and lag.

CREATE TABLE channel_flow
(
    tenant_id        UUID         NOT NULL REFERENCES tenant (id),
    id               UUID PRIMARY KEY,
    connection_id    UUID         NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    flow             VARCHAR(30)  NOT NULL CHECK (flow IN ('ORDER_IMPORT', 'INVENTORY_PUSH', 'FULFILLMENT_WRITEBACK',
                                                           'CANCELLATIONS', 'RETURNS_IMPORT')),
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    interval_seconds INTEGER      NOT NULL CHECK (interval_seconds >= 60),
    read_up_to       TIMESTAMPTZ  NULL,
    CONSTRAINT channel_flow_once UNIQUE (tenant_id, connection_id, flow)
);

CREATE TABLE flow_run
(
    tenant_id      UUID          NOT NULL REFERENCES tenant (id),
    id             UUID PRIMARY KEY,
    connection_id  UUID          NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    flow           VARCHAR(30)   NOT NULL,
    started_at     TIMESTAMPTZ   NOT NULL,
    finished_at    TIMESTAMPTZ   NOT NULL,
    records_in     INTEGER       NOT NULL,
    records_out    INTEGER       NOT NULL,
    records_failed INTEGER       NOT NULL,
    lag_ms         BIGINT        NULL,
    outcome        VARCHAR(10)   NOT NULL CHECK (outcome IN ('OK', 'PARTIAL', 'FAILED')),
    message        VARCHAR(2000) NOT NULL DEFAULT ''
);
CREATE INDEX flow_run_recent ON flow_run (tenant_id, connection_id, flow, started_at DESC);

SELECT crossdock_protect_tenant_table('channel_flow');
SELECT crossdock_protect_tenant_table('flow_run');
