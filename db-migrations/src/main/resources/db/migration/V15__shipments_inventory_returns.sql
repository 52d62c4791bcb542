-- What comes back from the warehouse and the channel after an order is released: shipments (with cartons and
-- tracking numbers) to write back to the channel as fulfillments, the warehouse's inventory positions to push as
-- available quantities, refunds and returns read from the channel, and cancel requests to the warehouse. Flow runs
-- now say which firing they belong to, so two portal instances can never both run one firing.

-- the channel line's own quantity (bundles ordered, not components), to translate shipped components back
ALTER TABLE sales_order_line ADD COLUMN channel_quantity INTEGER NULL CHECK (channel_quantity >= 0);

-- a message to the warehouse: a released order, or the cancellation of one
ALTER TABLE wms_outbox ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'ORDER' CHECK (kind IN ('ORDER', 'CANCEL'));
CREATE INDEX wms_outbox_unsent ON wms_outbox (tenant_id, created_at) WHERE sent_at IS NULL;

-- the Shopify location a connection's inventory is pushed to (found on the first push)
ALTER TABLE channel_connection ADD COLUMN location_id VARCHAR(100) NULL;

-- One parcel group the warehouse shipped for an order (a 945, or the sandbox warehouse). A split shipment is several
-- rows; each is written back to the channel as its own fulfillment, exactly once.
CREATE TABLE shipment
(
    tenant_id              UUID          NOT NULL REFERENCES tenant (id),
    id                     UUID PRIMARY KEY,
    order_id               UUID          NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
    warehouse_ref          VARCHAR(80)   NOT NULL,
    carrier                VARCHAR(60)   NULL,
    service                VARCHAR(60)   NULL,
    tracking_numbers       TEXT          NOT NULL DEFAULT '',
    shipped_at             TIMESTAMPTZ   NOT NULL,
    received_at            TIMESTAMPTZ   NOT NULL,
    writeback_status       VARCHAR(12)   NOT NULL CHECK (writeback_status IN ('PENDING', 'POSTING', 'POSTED',
                                                                               'FAILED')),
    writeback_attempts     INTEGER       NOT NULL DEFAULT 0,
    channel_fulfillment_id VARCHAR(100)  NULL,
    posted_at              TIMESTAMPTZ   NULL,
    writeback_message      VARCHAR(2000) NOT NULL DEFAULT '',
    CONSTRAINT shipment_once UNIQUE (tenant_id, order_id, warehouse_ref)
);
CREATE INDEX shipment_writeback ON shipment (tenant_id, received_at) WHERE writeback_status IN ('PENDING', 'POSTING');

CREATE TABLE shipment_line
(
    tenant_id   UUID        NOT NULL REFERENCES tenant (id),
    id          UUID PRIMARY KEY,
    shipment_id UUID        NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
    master_sku  VARCHAR(64) NOT NULL,
    quantity    INTEGER     NOT NULL CHECK (quantity > 0)
);
CREATE INDEX shipment_line_shipment ON shipment_line (tenant_id, shipment_id);

-- The warehouse's word on stock, per master SKU (an 846, or the sandbox warehouse).
CREATE TABLE inventory_position
(
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    id         UUID PRIMARY KEY,
    master_sku VARCHAR(64) NOT NULL,
    on_hand    INTEGER     NOT NULL,
    available  INTEGER     NOT NULL,
    as_of      TIMESTAMPTZ NOT NULL,
    source     VARCHAR(20) NOT NULL,
    CONSTRAINT inventory_position_once UNIQUE (tenant_id, master_sku)
);

-- What was last pushed to a channel for one of its SKUs, so only changes are pushed, each once.
CREATE TABLE channel_inventory
(
    tenant_id         UUID         NOT NULL REFERENCES tenant (id),
    id                UUID PRIMARY KEY,
    connection_id     UUID         NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    channel_sku       VARCHAR(100) NOT NULL,
    inventory_item_id VARCHAR(100) NULL,
    pushed_quantity   INTEGER      NULL,
    pushed_at         TIMESTAMPTZ  NULL,
    idempotency_key   VARCHAR(100) NULL,
    CONSTRAINT channel_inventory_once UNIQUE (tenant_id, connection_id, channel_sku)
);

-- Refunds and returns the channel reports for an order; lines as JSON [{channelLineId, sku, quantity, ...}].
CREATE TABLE channel_return
(
    tenant_id         UUID          NOT NULL REFERENCES tenant (id),
    id                UUID PRIMARY KEY,
    connection_id     UUID          NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    order_id          UUID          NULL REFERENCES sales_order (id) ON DELETE SET NULL,
    channel_order_id  VARCHAR(64)   NOT NULL,
    kind              VARCHAR(10)   NOT NULL CHECK (kind IN ('REFUND', 'RETURN')),
    channel_ref       VARCHAR(100)  NOT NULL,
    status            VARCHAR(30)   NOT NULL,
    restock           BOOLEAN       NOT NULL DEFAULT FALSE,
    amount            NUMERIC(14, 2) NULL,
    currency          VARCHAR(3)    NULL,
    note              VARCHAR(2000) NOT NULL DEFAULT '',
    lines             TEXT          NOT NULL DEFAULT '[]',
    channel_at        TIMESTAMPTZ   NOT NULL,
    received_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT channel_return_once UNIQUE (tenant_id, connection_id, kind, channel_ref)
);
CREATE INDEX channel_return_order ON channel_return (tenant_id, order_id);

-- a run knows its firing; one firing, one run, whichever instance took it
ALTER TABLE flow_run ADD COLUMN scheduled_for TIMESTAMPTZ NULL;
ALTER TABLE flow_run ADD COLUMN instance VARCHAR(100) NOT NULL DEFAULT '';
-- a run is recorded when it starts (RUNNING), so a second instance finds the firing taken
ALTER TABLE flow_run ALTER COLUMN finished_at DROP NOT NULL;
ALTER TABLE flow_run DROP CONSTRAINT flow_run_outcome_check;
ALTER TABLE flow_run ADD CONSTRAINT flow_run_outcome_check CHECK (outcome IN ('RUNNING', 'OK', 'PARTIAL', 'FAILED'));

-- a webhook of a switched-off flow is kept, and marked as not applied
ALTER TABLE channel_inbox DROP CONSTRAINT channel_inbox_outcome_check;
ALTER TABLE channel_inbox ADD CONSTRAINT channel_inbox_outcome_check
    CHECK (outcome IN ('APPLIED', 'STALE', 'EXCEPTION', 'IGNORED'));
CREATE UNIQUE INDEX flow_run_firing_once ON flow_run (tenant_id, connection_id, flow, scheduled_for)
    WHERE scheduled_for IS NOT NULL;

SELECT crossdock_protect_tenant_table('shipment');
SELECT crossdock_protect_tenant_table('shipment_line');
SELECT crossdock_protect_tenant_table('inventory_position');
SELECT crossdock_protect_tenant_table('channel_inventory');
SELECT crossdock_protect_tenant_table('channel_return');

-- the order-import job of each connection is now one of its flows ("flow:<connection>:ORDER_IMPORT"), registered
-- again at start-up from channel_flow; the jobs of the old name go
DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME LIKE 'order-import:%';
DELETE FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE 'order-import:%';
DELETE FROM QRTZ_JOB_DETAILS WHERE JOB_NAME LIKE 'order-import:%';
