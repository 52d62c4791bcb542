-- Rules and ownership of a tenant: who owns each kind of data (one owner per data type; a type without a row has
-- its default owner), the tenant's configuration version (raised by every change, so a later sign-off can name
-- the configuration it signed) with the "require mapped ship methods" switch, and how the store's shipping
-- methods map to the warehouse's carrier (SCAC) and service code.

CREATE TABLE tenant_setup
(
    tenant_id                   UUID PRIMARY KEY REFERENCES tenant (id),
    config_version              BIGINT       NOT NULL CHECK (config_version >= 0),
    require_mapped_ship_methods BOOLEAN      NOT NULL DEFAULT FALSE,
    changed_by                  VARCHAR(200) NOT NULL,
    changed_at                  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE source_of_truth
(
    tenant_id  UUID         NOT NULL REFERENCES tenant (id),
    id         UUID PRIMARY KEY,
    data_type  VARCHAR(32)  NOT NULL CHECK (data_type IN ('AVAILABLE_INVENTORY', 'ON_HAND_BY_STATUS', 'ORDER_STATUS',
                                                         'SHIPMENT_TRACKING', 'SHIPPING_LABELS', 'HOLDS',
                                                         'BUNDLE_DEFINITION', 'MASTER_SKU_DATA',
                                                         'RETURNS_DISPOSITION')),
    owner      VARCHAR(16)  NOT NULL CHECK (owner IN ('WMS', 'PORTAL', 'CHANNEL', 'ERP')),
    changed_by VARCHAR(200) NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT source_of_truth_one_owner UNIQUE (tenant_id, data_type)
);

-- the service level as the order pipeline sees it (Shopify's shipping line code, else its title), kept upper case
CREATE TABLE ship_method_mapping
(
    tenant_id     UUID         NOT NULL REFERENCES tenant (id),
    id            UUID PRIMARY KEY,
    service_level VARCHAR(100) NOT NULL,
    carrier_scac  VARCHAR(4)   NOT NULL CHECK (carrier_scac ~ '^[A-Z]{2,4}$'),
    service_code  VARCHAR(20)  NOT NULL,
    changed_by    VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ship_method_mapping_level UNIQUE (tenant_id, service_level)
);

SELECT crossdock_protect_tenant_table('tenant_setup');
SELECT crossdock_protect_tenant_table('source_of_truth');
SELECT crossdock_protect_tenant_table('ship_method_mapping');
