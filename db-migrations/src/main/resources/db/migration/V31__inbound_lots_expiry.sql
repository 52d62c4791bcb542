-- Lots and expiry on inbound shipments: a line is one lot of a SKU (a SKU may come in several lots), with the
-- lot's expiry where the item tracks it. What the warehouse received is kept per lot, and a lot the shipment did
-- not announce is a LOT discrepancy with what was expected and what came.

ALTER TABLE inbound_shipment_line
    ADD COLUMN lot       VARCHAR(40) NOT NULL DEFAULT '',
    ADD COLUMN expiry_on DATE        NULL;
ALTER TABLE inbound_shipment_line DROP CONSTRAINT inbound_shipment_line_sku;
ALTER TABLE inbound_shipment_line
    ADD CONSTRAINT inbound_shipment_line_sku_lot UNIQUE (tenant_id, shipment_id, master_sku, lot);

ALTER TABLE receiving_discrepancy DROP CONSTRAINT receiving_discrepancy_kind_check;
ALTER TABLE receiving_discrepancy
    ADD CONSTRAINT receiving_discrepancy_kind_check
        CHECK (kind IN ('OVER', 'SHORT', 'DAMAGED', 'UNEXPECTED', 'LOT'));
ALTER TABLE receiving_discrepancy ADD COLUMN detail VARCHAR(300) NOT NULL DEFAULT '';

-- units received per lot, summed over the shipment's 944s (each applied once)
CREATE TABLE inbound_received_lot
(
    tenant_id   UUID        NOT NULL REFERENCES tenant (id),
    id          UUID PRIMARY KEY,
    shipment_id UUID        NOT NULL REFERENCES inbound_shipment (id) ON DELETE CASCADE,
    master_sku  VARCHAR(64) NOT NULL,
    lot         VARCHAR(40) NOT NULL,
    expiry_on   DATE        NULL,
    received    INTEGER     NOT NULL CHECK (received >= 0),
    damaged     INTEGER     NOT NULL CHECK (damaged >= 0),
    CONSTRAINT inbound_received_lot_once UNIQUE (tenant_id, shipment_id, master_sku, lot)
);

SELECT crossdock_protect_tenant_table('inbound_received_lot');
