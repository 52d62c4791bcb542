-- Inbound shipments from the brand to the warehouse: what the brand sends (a 943 stock transfer shipment advice
-- goes out once the brand marks it ready), what the warehouse received (944 receipt advices, each applied once),
-- and the receiving discrepancies (over, short, damaged, a SKU that was not on the shipment) with their resolution.

CREATE TABLE inbound_shipment
(
    tenant_id    UUID        NOT NULL REFERENCES tenant (id),
    id           UUID PRIMARY KEY,
    reference    VARCHAR(22) NOT NULL,
    carrier      VARCHAR(60) NOT NULL DEFAULT '',
    expected_on  DATE        NOT NULL,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'PARTLY_RECEIVED', 'RECEIVED')),
    ready_at     TIMESTAMPTZ NULL,
    advised_at   TIMESTAMPTZ NULL,
    created_by   VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT inbound_shipment_reference UNIQUE (tenant_id, reference)
);
CREATE INDEX inbound_shipment_recent ON inbound_shipment (tenant_id, created_at DESC);
CREATE INDEX inbound_shipment_ready ON inbound_shipment (tenant_id, ready_at)
    WHERE ready_at IS NOT NULL AND advised_at IS NULL;

CREATE TABLE inbound_shipment_line
(
    tenant_id    UUID        NOT NULL REFERENCES tenant (id),
    id           UUID PRIMARY KEY,
    shipment_id  UUID        NOT NULL REFERENCES inbound_shipment (id) ON DELETE CASCADE,
    line_no      INTEGER     NOT NULL CHECK (line_no > 0),
    master_sku   VARCHAR(64) NOT NULL,
    expected_qty INTEGER     NOT NULL CHECK (expected_qty > 0),
    received_qty INTEGER     NOT NULL DEFAULT 0 CHECK (received_qty >= 0),
    damaged_qty  INTEGER     NOT NULL DEFAULT 0 CHECK (damaged_qty >= 0),
    CONSTRAINT inbound_shipment_line_sku UNIQUE (tenant_id, shipment_id, master_sku)
);

-- each 944 transaction applied, so the same receipt read twice changes nothing
CREATE TABLE inbound_receipt
(
    tenant_id   UUID         NOT NULL REFERENCES tenant (id),
    id          UUID PRIMARY KEY,
    shipment_id UUID         NOT NULL REFERENCES inbound_shipment (id) ON DELETE CASCADE,
    receipt_key VARCHAR(100) NOT NULL,
    complete    BOOLEAN      NOT NULL,
    applied_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT inbound_receipt_once UNIQUE (tenant_id, receipt_key)
);
CREATE INDEX inbound_receipt_shipment ON inbound_receipt (tenant_id, shipment_id);

CREATE TABLE receiving_discrepancy
(
    tenant_id       UUID          NOT NULL REFERENCES tenant (id),
    id              UUID PRIMARY KEY,
    shipment_id     UUID          NOT NULL REFERENCES inbound_shipment (id) ON DELETE CASCADE,
    master_sku      VARCHAR(64)   NOT NULL,
    kind            VARCHAR(12)   NOT NULL CHECK (kind IN ('OVER', 'SHORT', 'DAMAGED', 'UNEXPECTED')),
    expected_qty    INTEGER       NOT NULL CHECK (expected_qty >= 0),
    received_qty    INTEGER       NOT NULL CHECK (received_qty >= 0),
    recorded_at     TIMESTAMPTZ   NOT NULL,
    resolved        BOOLEAN       NOT NULL DEFAULT FALSE,
    resolution_note VARCHAR(2000) NOT NULL DEFAULT '',
    resolved_by     VARCHAR(200)  NULL,
    resolved_at     TIMESTAMPTZ   NULL,
    CONSTRAINT receiving_discrepancy_once UNIQUE (tenant_id, shipment_id, master_sku, kind)
);
CREATE INDEX receiving_discrepancy_open ON receiving_discrepancy (tenant_id, recorded_at DESC) WHERE NOT resolved;

SELECT crossdock_protect_tenant_table('inbound_shipment');
SELECT crossdock_protect_tenant_table('inbound_shipment_line');
SELECT crossdock_protect_tenant_table('inbound_receipt');
SELECT crossdock_protect_tenant_table('receiving_discrepancy');
