-- Bundles and kits: a bundle SKU and its components with quantities in the component's own unit (eaches).
-- Virtual bundles are exploded into components when an order arrives; physical kits are stocked as themselves.
-- Components name SKUs rather than item ids so a bundle can be defined before all its components are loaded;
-- a component without an item is a data-quality finding.

CREATE TABLE catalog_bundle
(
    tenant_id  UUID         NOT NULL REFERENCES tenant (id),
    id         UUID PRIMARY KEY,
    sku        VARCHAR(64)  NOT NULL,
    kind       VARCHAR(10)  NOT NULL CHECK (kind IN ('VIRTUAL', 'PHYSICAL')),
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT catalog_bundle_sku_unique UNIQUE (tenant_id, sku)
);

CREATE TABLE catalog_bundle_component
(
    tenant_id     UUID        NOT NULL REFERENCES tenant (id),
    id            UUID PRIMARY KEY,
    bundle_id     UUID        NOT NULL REFERENCES catalog_bundle (id) ON DELETE CASCADE,
    component_sku VARCHAR(64) NOT NULL,
    quantity      INTEGER     NOT NULL CHECK (quantity >= 1),
    CONSTRAINT catalog_bundle_component_once UNIQUE (tenant_id, bundle_id, component_sku)
);
CREATE INDEX catalog_bundle_component_bundle ON catalog_bundle_component (tenant_id, bundle_id);
CREATE INDEX catalog_bundle_component_sku ON catalog_bundle_component (tenant_id, component_sku);

SELECT crossdock_protect_tenant_table('catalog_bundle');
SELECT crossdock_protect_tenant_table('catalog_bundle_component');
