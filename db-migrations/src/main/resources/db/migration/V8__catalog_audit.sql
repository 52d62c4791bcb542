-- Audit trail of the catalog (Hibernate Envers): items and bundles, with the state after each revision. The
-- _aud tables are tenant-owned like the tables they follow; Envers keeps the data of deleted rows too
-- (store_data_at_delete), so every row has its tenant.

ALTER TABLE catalog_bundle ADD COLUMN components_summary VARCHAR(2000) NOT NULL DEFAULT '';

CREATE TABLE catalog_item_aud
(
    id             UUID     NOT NULL,
    rev            BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype        SMALLINT NOT NULL,
    tenant_id      UUID     NOT NULL,
    sku            VARCHAR(64),
    description    VARCHAR(300),
    status         VARCHAR(10),
    lot_tracked    BOOLEAN,
    expiry_tracked BOOLEAN,
    serial_tracked BOOLEAN,
    hazmat         BOOLEAN,
    PRIMARY KEY (id, rev)
);
CREATE INDEX catalog_item_aud_tenant ON catalog_item_aud (tenant_id, rev);

CREATE TABLE catalog_bundle_aud
(
    id                 UUID     NOT NULL,
    rev                BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype            SMALLINT NOT NULL,
    tenant_id          UUID     NOT NULL,
    sku                VARCHAR(64),
    kind               VARCHAR(10),
    components_summary VARCHAR(2000),
    PRIMARY KEY (id, rev)
);
CREATE INDEX catalog_bundle_aud_tenant ON catalog_bundle_aud (tenant_id, rev);

SELECT crossdock_protect_tenant_table('catalog_item_aud');
SELECT crossdock_protect_tenant_table('catalog_bundle_aud');
