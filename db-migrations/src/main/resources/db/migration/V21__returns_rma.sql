-- Returns (RMAs): what a buyer sends back, expected from a channel's return or entered by hand; each unit as the
-- returns bench received it, with its condition, held for inspection until its disposition is decided; the
-- tenant's rules for which units skip the hold; and the refund signal the returns write-back flow posts to the
-- store once every unit is decided. Also for receiving: how a discrepancy was settled (accept, claim, adjust) and
-- the inbound shipment's full status path.

CREATE TABLE return_settings
(
    tenant_id             UUID PRIMARY KEY REFERENCES tenant (id),
    always_inspect_hazmat BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_by            VARCHAR(200) NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);

-- unopened units of these SKUs go straight back to available stock
CREATE TABLE return_auto_restock_sku
(
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    master_sku VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, master_sku)
);

CREATE TABLE rma
(
    tenant_id         UUID         NOT NULL REFERENCES tenant (id),
    id                UUID PRIMARY KEY,
    number            VARCHAR(20)  NOT NULL,
    source            VARCHAR(10)  NOT NULL CHECK (source IN ('CHANNEL', 'MANUAL')),
    channel_return_id UUID         NULL REFERENCES channel_return (id) ON DELETE SET NULL,
    connection_id     UUID         NULL REFERENCES channel_connection (id) ON DELETE SET NULL,
    order_id          UUID         NULL REFERENCES sales_order (id) ON DELETE SET NULL,
    channel_order_id  VARCHAR(64)  NOT NULL DEFAULT '',
    order_name        VARCHAR(64)  NOT NULL DEFAULT '',
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('EXPECTED', 'RECEIVED', 'ON_HOLD', 'DISPOSITIONED',
                                                              'CLOSED')),
    receipt_complete  BOOLEAN      NOT NULL DEFAULT FALSE,
    channel_signal    VARCHAR(10)  NOT NULL CHECK (channel_signal IN ('NONE', 'WAITING', 'QUEUED', 'TOLD')),
    channel_refund    VARCHAR(100) NOT NULL DEFAULT '',
    note              VARCHAR(2000) NOT NULL DEFAULT '',
    created_by        VARCHAR(200) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    closed_at         TIMESTAMPTZ  NULL,
    CONSTRAINT rma_number_once UNIQUE (tenant_id, number),
    CONSTRAINT rma_channel_return_once UNIQUE (tenant_id, channel_return_id)
);
CREATE INDEX rma_queue ON rma (tenant_id, status, created_at);
CREATE INDEX rma_order ON rma (tenant_id, order_id);

CREATE TABLE rma_line
(
    tenant_id       UUID         NOT NULL REFERENCES tenant (id),
    id              UUID PRIMARY KEY,
    rma_id          UUID         NOT NULL REFERENCES rma (id) ON DELETE CASCADE,
    line_no         INTEGER      NOT NULL CHECK (line_no > 0),
    master_sku      VARCHAR(64)  NOT NULL,
    channel_line_id VARCHAR(64)  NOT NULL DEFAULT '',
    reason          VARCHAR(60)  NOT NULL DEFAULT '',
    expected_qty    INTEGER      NOT NULL CHECK (expected_qty BETWEEN 1 AND 1000),
    -- units of this SKU in one unit of the channel's line (a virtual bundle's component count, else 1)
    per_channel_unit INTEGER     NOT NULL DEFAULT 1 CHECK (per_channel_unit >= 1),
    CONSTRAINT rma_line_once UNIQUE (tenant_id, rma_id, line_no)
);
CREATE INDEX rma_line_rma ON rma_line (tenant_id, rma_id);

-- one row per returned unit, as the bench scanned it
CREATE TABLE rma_unit
(
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    id               UUID PRIMARY KEY,
    rma_id           UUID          NOT NULL REFERENCES rma (id) ON DELETE CASCADE,
    line_id          UUID          NOT NULL REFERENCES rma_line (id) ON DELETE CASCADE,
    master_sku       VARCHAR(64)   NOT NULL,
    condition        VARCHAR(14)   NOT NULL CHECK (condition IN ('UNOPENED', 'OPENED', 'DAMAGED', 'DEFECTIVE',
                                                                 'MISSING_PARTS')),
    scanned          VARCHAR(100)  NOT NULL,
    received_by      VARCHAR(200)  NOT NULL,
    received_at      TIMESTAMPTZ   NOT NULL,
    disposition      VARCHAR(20)   NULL CHECK (disposition IN ('RESTOCK_AVAILABLE', 'RESTOCK_B_GRADE', 'REFURBISH',
                                                               'RETURN_TO_VENDOR', 'DISPOSE')),
    disposition_rule VARCHAR(200)  NOT NULL DEFAULT '',
    disposition_note VARCHAR(2000) NOT NULL DEFAULT '',
    dispositioned_by VARCHAR(200)  NULL,
    dispositioned_at TIMESTAMPTZ   NULL
);
CREATE INDEX rma_unit_rma ON rma_unit (tenant_id, rma_id, received_at);
CREATE INDEX rma_unit_sku ON rma_unit (tenant_id, master_sku);

-- the sync engine's outbox toward the store for returns: one refund per RMA, posted by the returns write-back flow
CREATE TABLE return_signal
(
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    id               UUID PRIMARY KEY,
    connection_id    UUID          NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    rma_id           UUID          NOT NULL REFERENCES rma (id) ON DELETE CASCADE,
    rma_number       VARCHAR(20)   NOT NULL,
    order_id         UUID          NULL REFERENCES sales_order (id) ON DELETE SET NULL,
    channel_order_id VARCHAR(64)   NOT NULL,
    lines            TEXT          NOT NULL,
    status           VARCHAR(10)   NOT NULL CHECK (status IN ('PENDING', 'POSTING', 'POSTED', 'FAILED')),
    attempts         INTEGER       NOT NULL DEFAULT 0,
    refund_ref       VARCHAR(100)  NOT NULL DEFAULT '',
    message          VARCHAR(2000) NOT NULL DEFAULT '',
    created_at       TIMESTAMPTZ   NOT NULL,
    posted_at        TIMESTAMPTZ   NULL,
    CONSTRAINT return_signal_once UNIQUE (tenant_id, rma_id)
);
CREATE INDEX return_signal_due ON return_signal (tenant_id, connection_id, created_at)
    WHERE status IN ('PENDING', 'POSTING');

-- the returns write-back is a flow of every connection
ALTER TABLE channel_flow DROP CONSTRAINT channel_flow_flow_check;
ALTER TABLE channel_flow ADD CONSTRAINT channel_flow_flow_check
    CHECK (flow IN ('ORDER_IMPORT', 'INVENTORY_PUSH', 'FULFILLMENT_WRITEBACK', 'CANCELLATIONS', 'RETURNS_IMPORT',
                    'RETURNS_WRITEBACK'));

-- how a receiving discrepancy was settled: accepted as is, claimed from the supplier or carrier, or adjusted
ALTER TABLE receiving_discrepancy ADD COLUMN resolution VARCHAR(10) NULL
    CHECK (resolution IN ('ACCEPT', 'CLAIM', 'ADJUST'));

SELECT crossdock_protect_tenant_table('return_settings');
SELECT crossdock_protect_tenant_table('return_auto_restock_sku');
SELECT crossdock_protect_tenant_table('rma');
SELECT crossdock_protect_tenant_table('rma_line');
SELECT crossdock_protect_tenant_table('rma_unit');
SELECT crossdock_protect_tenant_table('return_signal');

-- an inbound shipment's whole way: draft → sent → in transit → arrived → receiving → received (or received with
-- discrepancies) → closed; "partly received" is now "receiving"
ALTER TABLE inbound_shipment DROP CONSTRAINT inbound_shipment_status_check;
ALTER TABLE inbound_shipment ALTER COLUMN status TYPE VARCHAR(30);
-- every tenant's rows change here, so the owner steps outside the policies for these two statements only
ALTER TABLE inbound_shipment NO FORCE ROW LEVEL SECURITY;
ALTER TABLE receiving_discrepancy NO FORCE ROW LEVEL SECURITY;
UPDATE inbound_shipment SET status = 'RECEIVING' WHERE status = 'PARTLY_RECEIVED';
UPDATE inbound_shipment s SET status = 'RECEIVED_WITH_DISCREPANCIES'
WHERE status = 'RECEIVED' AND EXISTS (SELECT 1 FROM receiving_discrepancy d WHERE d.shipment_id = s.id);
ALTER TABLE inbound_shipment FORCE ROW LEVEL SECURITY;
ALTER TABLE receiving_discrepancy FORCE ROW LEVEL SECURITY;
ALTER TABLE inbound_shipment ADD CONSTRAINT inbound_shipment_status_check
    CHECK (status IN ('DRAFT', 'SENT', 'IN_TRANSIT', 'ARRIVED', 'RECEIVING', 'RECEIVED', 'RECEIVED_WITH_DISCREPANCIES',
                      'CLOSED'));
