-- Workbook imports of the catalog. An upload is kept as received (raw input is never dropped), its readable rows
-- are staged typed, and every problem is kept with its row, column and value, so the person can download an
-- error file, and the commit runs as set operations from the staged rows. All tenant-owned.

CREATE TABLE catalog_import
(
    tenant_id      UUID         NOT NULL REFERENCES tenant (id),
    id             UUID PRIMARY KEY,
    file_name      VARCHAR(255) NOT NULL,
    file_size      BIGINT       NOT NULL,
    content        BYTEA        NOT NULL,
    status         VARCHAR(12)  NOT NULL CHECK (status IN ('STAGED', 'REJECTED', 'COMMITTED', 'DISCARDED')),
    rows_read      BIGINT       NOT NULL DEFAULT 0,
    problems       BIGINT       NOT NULL DEFAULT 0,
    notices        TEXT         NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ  NOT NULL,
    created_by     VARCHAR(100) NOT NULL,
    commit_mode    VARCHAR(20)  NULL CHECK (commit_mode IN ('ALL_OR_NOTHING', 'VALID_ROWS')),
    committed_at   TIMESTAMPTZ  NULL,
    committed_by   VARCHAR(100) NULL,
    result_summary TEXT         NOT NULL DEFAULT ''
);
CREATE INDEX catalog_import_recent ON catalog_import (tenant_id, created_at DESC);

-- One readable row of an upload, typed; the columns of the other sheets stay NULL.
CREATE TABLE catalog_import_row
(
    tenant_id      UUID        NOT NULL REFERENCES tenant (id),
    import_id      UUID        NOT NULL REFERENCES catalog_import (id) ON DELETE CASCADE,
    sheet          VARCHAR(10) NOT NULL CHECK (sheet IN ('ITEMS', 'PACKS', 'ALIASES', 'BUNDLES', 'PREP')),
    row_no         BIGINT      NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    description    VARCHAR(300),
    status         VARCHAR(10),
    lot_tracked    BOOLEAN,
    expiry_tracked BOOLEAN,
    serial_tracked BOOLEAN,
    hazmat         BOOLEAN,
    level          VARCHAR(10),
    eaches         INTEGER,
    length_mm      INTEGER,
    width_mm       INTEGER,
    height_mm      INTEGER,
    weight_g       INTEGER,
    gtin14         VARCHAR(14),
    alias_kind     VARCHAR(30),
    alias_value    VARCHAR(100),
    bundle_kind    VARCHAR(10),
    component_sku  VARCHAR(64),
    quantity       INTEGER,
    prep_category  VARCHAR(20),
    prep_types     VARCHAR(400),
    prep_owner     VARCHAR(10),
    label_owner    VARCHAR(10),
    PRIMARY KEY (tenant_id, import_id, sheet, row_no)
);
CREATE INDEX catalog_import_row_sku ON catalog_import_row (tenant_id, import_id, sheet, sku);

-- Why a row cannot be taken: from reading the file (bad cell) or from checking rows against each other and the
-- catalog (a SKU twice, a barcode another item has, a bundle loop).
CREATE TABLE catalog_import_problem
(
    tenant_id   UUID          NOT NULL REFERENCES tenant (id),
    import_id   UUID          NOT NULL REFERENCES catalog_import (id) ON DELETE CASCADE,
    id          BIGSERIAL,
    sheet       VARCHAR(10)   NOT NULL,
    row_no      BIGINT        NOT NULL,
    sku         VARCHAR(1000) NOT NULL,
    column_name VARCHAR(1000) NOT NULL,
    cell_value  VARCHAR(1000) NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (tenant_id, import_id, id)
);
CREATE INDEX catalog_import_problem_sku ON catalog_import_problem (tenant_id, import_id, sku);

SELECT crossdock_protect_tenant_table('catalog_import');
SELECT crossdock_protect_tenant_table('catalog_import_row');
SELECT crossdock_protect_tenant_table('catalog_import_problem');
