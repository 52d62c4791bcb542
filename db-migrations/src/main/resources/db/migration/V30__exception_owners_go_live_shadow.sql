-- Exception ownership, go-live scope and shadow mode.
--
-- exception_owner: a tenant's choice of side ('Brand' or '3PL') and response time for one exception queue (reason
-- code); a queue without a row follows its default (tenant-config's ExceptionReasons: the owner of its data type, or
-- a fixed side). Each exception keeps the side and the time it should be answered by, worked out when it opened.
--
-- go_live_flow: which flows of a live-mode connection are live; a flow without a live row runs in shadow mode
-- (computes what it would send, compares with what the channel shows, sends nothing). Switching live is allowed when
-- the readiness items pass, or by a platform admin with a recorded reason. go_live_sku: the SKUs in the go-live
-- scope; none means every SKU. shadow_difference: the latest difference per connection, flow and subject.

CREATE TABLE exception_owner
(
    tenant_id        UUID         NOT NULL REFERENCES tenant (id),
    id               UUID PRIMARY KEY,
    reason_code      VARCHAR(60)  NOT NULL,
    party            VARCHAR(8)   NOT NULL CHECK (party IN ('Brand', '3PL')),
    response_minutes INTEGER      NOT NULL CHECK (response_minutes BETWEEN 5 AND 10080),
    changed_by       VARCHAR(200) NOT NULL,
    changed_at       TIMESTAMPTZ  NOT NULL,
    CONSTRAINT exception_owner_once UNIQUE (tenant_id, reason_code)
);

ALTER TABLE integration_exception ADD COLUMN respond_by TIMESTAMPTZ NULL;
CREATE INDEX integration_exception_respond_by ON integration_exception (tenant_id, respond_by) WHERE status = 'OPEN';

CREATE TABLE go_live_flow
(
    tenant_id       UUID         NOT NULL REFERENCES tenant (id),
    id              UUID PRIMARY KEY,
    connection_id   UUID         NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    flow            VARCHAR(32)  NOT NULL,
    live            BOOLEAN      NOT NULL,
    override_reason VARCHAR(500) NULL,
    switched_by     VARCHAR(200) NOT NULL,
    switched_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT go_live_flow_once UNIQUE (tenant_id, connection_id, flow)
);

CREATE TABLE go_live_sku
(
    tenant_id  UUID         NOT NULL REFERENCES tenant (id),
    id         UUID PRIMARY KEY,
    master_sku VARCHAR(64)  NOT NULL,
    added_by   VARCHAR(200) NOT NULL,
    added_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT go_live_sku_once UNIQUE (tenant_id, master_sku)
);

CREATE TABLE shadow_difference
(
    tenant_id     UUID          NOT NULL REFERENCES tenant (id),
    id            UUID PRIMARY KEY,
    connection_id UUID          NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    flow          VARCHAR(32)   NOT NULL,
    subject       VARCHAR(200)  NOT NULL,
    would_send    VARCHAR(2000) NOT NULL,
    channel_shows VARCHAR(2000) NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL,
    CONSTRAINT shadow_difference_once UNIQUE (tenant_id, connection_id, flow, subject)
);
CREATE INDEX shadow_difference_recent ON shadow_difference (tenant_id, recorded_at DESC);

SELECT crossdock_protect_tenant_table('exception_owner');
SELECT crossdock_protect_tenant_table('go_live_flow');
SELECT crossdock_protect_tenant_table('go_live_sku');
SELECT crossdock_protect_tenant_table('shadow_difference');
