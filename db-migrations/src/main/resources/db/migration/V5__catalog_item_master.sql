-- Catalog item master: items with their pack configurations, channel aliases and barcodes. Tenant-owned:
-- tenant_id NOT NULL, indexes start with it, row-level security forced. SKUs are unique as written; the same
-- SKU in another case or with spaces is a data-quality finding, not a constraint, so an import can show it.

CREATE TABLE catalog_item
(
    tenant_id      UUID         NOT NULL REFERENCES tenant (id),
    id             UUID PRIMARY KEY,
    sku            VARCHAR(64)  NOT NULL,
    description    VARCHAR(300) NOT NULL,
    status         VARCHAR(10)  NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
    lot_tracked    BOOLEAN      NOT NULL DEFAULT FALSE,
    expiry_tracked BOOLEAN      NOT NULL DEFAULT FALSE,
    serial_tracked BOOLEAN      NOT NULL DEFAULT FALSE,
    hazmat         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    updated_by     VARCHAR(100) NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT catalog_item_sku_unique UNIQUE (tenant_id, sku)
);
CREATE INDEX catalog_item_folded_sku ON catalog_item (tenant_id, upper(sku));
CREATE INDEX catalog_item_description ON catalog_item (tenant_id, lower(description));

-- Pack configurations: how many eaches one pack of a level holds, its size, weight and own barcode.
CREATE TABLE catalog_pack
(
    tenant_id      UUID        NOT NULL REFERENCES tenant (id),
    id             UUID PRIMARY KEY,
    item_id        UUID        NOT NULL REFERENCES catalog_item (id) ON DELETE CASCADE,
    level          VARCHAR(10) NOT NULL CHECK (level IN ('EACH', 'INNER', 'CASE', 'PALLET')),
    eaches         INTEGER     NOT NULL CHECK (eaches >= 1),
    length_mm      INTEGER     NULL CHECK (length_mm > 0),
    width_mm       INTEGER     NULL CHECK (width_mm > 0),
    height_mm      INTEGER     NULL CHECK (height_mm > 0),
    weight_g       INTEGER     NULL CHECK (weight_g > 0),
    gtin14         VARCHAR(14) NULL CHECK (gtin14 ~ '^[0-9]{14}$'),
    CONSTRAINT catalog_pack_level_unique UNIQUE (tenant_id, item_id, level),
    CONSTRAINT catalog_pack_each_is_one CHECK (level <> 'EACH' OR eaches = 1)
);
CREATE UNIQUE INDEX catalog_pack_gtin_unique ON catalog_pack (tenant_id, gtin14) WHERE gtin14 IS NOT NULL;
CREATE INDEX catalog_pack_item ON catalog_pack (tenant_id, item_id);

-- The identifiers channels know an item by. One identifier naming two items is a finding (alias collision).
CREATE TABLE catalog_alias
(
    tenant_id UUID         NOT NULL REFERENCES tenant (id),
    id        UUID PRIMARY KEY,
    item_id   UUID         NOT NULL REFERENCES catalog_item (id) ON DELETE CASCADE,
    kind      VARCHAR(30)  NOT NULL CHECK (kind IN ('SHOPIFY_VARIANT_SKU', 'SHOPIFY_VARIANT_ID', 'AMAZON_MSKU',
                                                    'AMAZON_ASIN', 'AMAZON_FNSKU', 'WALMART_SKU',
                                                    'EDI_BUYER_ITEM')),
    value     VARCHAR(100) NOT NULL,
    CONSTRAINT catalog_alias_once_per_item UNIQUE (tenant_id, item_id, kind, value)
);
CREATE INDEX catalog_alias_lookup ON catalog_alias (tenant_id, kind, value);
CREATE INDEX catalog_alias_item ON catalog_alias (tenant_id, item_id);

SELECT crossdock_protect_tenant_table('catalog_item');
SELECT crossdock_protect_tenant_table('catalog_pack');
SELECT crossdock_protect_tenant_table('catalog_alias');
