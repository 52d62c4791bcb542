-- The rest of the WMS side: how a warehouse acknowledges (what the portal answers with, whether it waits for 997s),
-- inventory adjustments from 947s (kept per line, so a 947 seen twice changes stock once), documents reprocessed after
-- a fix, and the control numbers of the 856 ship notices a brand sends its retail partners.

ALTER TABLE wms_connection
    -- what the portal answers a warehouse's files with: a 997 for every group, only for groups with errors, or none
    ADD COLUMN ack_policy VARCHAR(12) NOT NULL DEFAULT 'EVERY_GROUP'
        CHECK (ack_policy IN ('EVERY_GROUP', 'ERRORS_ONLY', 'NONE')),
    -- whether the warehouse answers the portal's 940s and 943s with 997s (if not, nothing is awaited or overdue)
    ADD COLUMN expects_997 BOOLEAN NOT NULL DEFAULT TRUE;

-- a document applied again from its kept file after a fix is marked REPROCESSED; the new outcome is its own row
ALTER TABLE x12_document DROP CONSTRAINT x12_document_status_check;
ALTER TABLE x12_document ADD CONSTRAINT x12_document_status_check
    CHECK (status IN ('SENT', 'APPLIED', 'REJECTED', 'IGNORED', 'REPROCESSED'));

-- One W19 line of a 947: a signed change of a SKU's stock with the warehouse's reason.
CREATE TABLE inventory_adjustment
(
    tenant_id         UUID         NOT NULL REFERENCES tenant (id),
    id                UUID PRIMARY KEY,
    adjustment_number VARCHAR(30)  NOT NULL,
    line_no           INTEGER      NOT NULL CHECK (line_no >= 1),
    master_sku        VARCHAR(64)  NOT NULL,
    quantity          INTEGER      NOT NULL CHECK (quantity <> 0),
    reason_code       VARCHAR(2)   NOT NULL,
    reason            VARCHAR(60)  NOT NULL,
    adjusted_on       DATE         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT inventory_adjustment_once UNIQUE (tenant_id, adjustment_number, line_no)
);
CREATE INDEX inventory_adjustment_sku ON inventory_adjustment (tenant_id, master_sku, created_at DESC);

-- The next interchange control number of the 856s a tenant sends to one retail partner (by its ISA id).
CREATE TABLE asn_control_number
(
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    partner_id VARCHAR(15) NOT NULL,
    next_value BIGINT      NOT NULL CHECK (next_value >= 1),
    PRIMARY KEY (tenant_id, partner_id)
);

SELECT crossdock_protect_tenant_table('inventory_adjustment');
SELECT crossdock_protect_tenant_table('asn_control_number');
