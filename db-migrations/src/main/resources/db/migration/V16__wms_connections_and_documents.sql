-- The 3PL's warehouse side: a WMS connection per warehouse (the 3PL's, so not tenant-owned; only platform admins and
-- the system actor reach it), each tenant's account at that warehouse, the X12 control numbers per connection, every
-- file exchanged (kept as sent or received, with its checksum) and the X12 documents in it per tenant.

CREATE TABLE wms_connection
(
    id                  UUID PRIMARY KEY,
    name                VARCHAR(100) NOT NULL UNIQUE,
    mode                VARCHAR(10)  NOT NULL CHECK (mode IN ('SANDBOX', 'LIVE')),
    host                VARCHAR(255) NOT NULL,
    port                INTEGER      NOT NULL CHECK (port BETWEEN 1 AND 65535),
    username            VARCHAR(100) NOT NULL,
    -- AES-GCM sealed like channel credentials; a password, a private key (OpenSSH PEM), or both
    password            BYTEA        NULL,
    private_key         BYTEA        NULL,
    -- the server's host key as "SHA256:..." (ssh-keygen -l); unknown keys are refused once it is set
    host_key            VARCHAR(200) NULL,
    inbound_dir         VARCHAR(255) NOT NULL,
    outbound_dir        VARCHAR(255) NOT NULL,
    archive_dir         VARCHAR(255) NOT NULL,
    poll_seconds        INTEGER      NOT NULL CHECK (poll_seconds >= 30),
    sender_qualifier    VARCHAR(2)   NOT NULL,
    sender_id           VARCHAR(15)  NOT NULL,
    receiver_qualifier  VARCHAR(2)   NOT NULL,
    receiver_id         VARCHAR(15)  NOT NULL,
    x12_version         VARCHAR(6)   NOT NULL CHECK (x12_version IN ('004010', '005010')),
    element_separator   CHAR(1)      NOT NULL DEFAULT '*',
    segment_terminator  CHAR(1)      NOT NULL DEFAULT '~',
    component_separator CHAR(1)      NOT NULL DEFAULT '>',
    production          BOOLEAN      NOT NULL DEFAULT FALSE,
    ack_deadline_min    INTEGER      NOT NULL DEFAULT 60 CHECK (ack_deadline_min >= 1),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
);

-- A tenant's account at a warehouse: the customer (depositor) code the WMS knows it by. Tenant-owned.
CREATE TABLE wms_account
(
    tenant_id         UUID        NOT NULL REFERENCES tenant (id),
    id                UUID PRIMARY KEY,
    wms_connection_id UUID        NOT NULL REFERENCES wms_connection (id),
    customer_code     VARCHAR(30) NOT NULL,
    CONSTRAINT wms_account_once UNIQUE (tenant_id)
);
-- a customer code names one tenant per warehouse (read by the system actor across tenants, see WmsAccounts)
CREATE UNIQUE INDEX wms_account_code ON wms_account (wms_connection_id, customer_code);

-- The next control numbers to use per connection: ISA13 (interchange), GS06 (group), ST02 (transaction). Advanced
-- in the transaction that writes the document, so numbers are never skipped or used twice.
CREATE TABLE x12_control_number
(
    wms_connection_id UUID        NOT NULL REFERENCES wms_connection (id) ON DELETE CASCADE,
    kind              VARCHAR(3)  NOT NULL CHECK (kind IN ('ISA', 'GS', 'ST')),
    next_value        BIGINT      NOT NULL CHECK (next_value >= 1),
    PRIMARY KEY (wms_connection_id, kind)
);

-- Every file exchanged with a warehouse, kept as it was sent or received.
CREATE TABLE wms_file
(
    id                UUID PRIMARY KEY,
    wms_connection_id UUID          NOT NULL REFERENCES wms_connection (id),
    direction         VARCHAR(8)    NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    name              VARCHAR(255)  NOT NULL,
    sha256            VARCHAR(64)   NOT NULL,
    content           BYTEA         NOT NULL,
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('PENDING', 'SENT', 'APPLIED', 'QUARANTINED')),
    problem           VARCHAR(2000) NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ   NOT NULL,
    done_at           TIMESTAMPTZ   NULL
);
-- a file seen twice (same name and content) is kept and applied once
CREATE UNIQUE INDEX wms_file_once ON wms_file (wms_connection_id, direction, name, sha256);
CREATE INDEX wms_file_recent ON wms_file (wms_connection_id, created_at DESC);

-- The X12 transactions of a file that belong to a tenant, with their control numbers and acknowledgement.
CREATE TABLE x12_document
(
    tenant_id         UUID          NOT NULL REFERENCES tenant (id),
    id                UUID PRIMARY KEY,
    wms_file_id       UUID          NOT NULL REFERENCES wms_file (id),
    direction         VARCHAR(8)    NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    transaction_set   VARCHAR(3)    NOT NULL,
    interchange_no    VARCHAR(9)    NOT NULL,
    group_no          VARCHAR(9)    NOT NULL,
    transaction_no    VARCHAR(9)    NOT NULL,
    reference         VARCHAR(100)  NOT NULL DEFAULT '',
    order_id          UUID          NULL REFERENCES sales_order (id) ON DELETE SET NULL,
    outbox_id         UUID          NULL REFERENCES wms_outbox (id) ON DELETE SET NULL,
    status            VARCHAR(12)   NOT NULL CHECK (status IN ('SENT', 'APPLIED', 'REJECTED', 'IGNORED')),
    ack_status        VARCHAR(12)   NOT NULL DEFAULT 'NONE' CHECK (ack_status IN ('NONE', 'AWAITED', 'ACCEPTED',
                                                                                   'REJECTED', 'OVERDUE')),
    segments          TEXT          NOT NULL,
    message           VARCHAR(2000) NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX x12_document_recent ON x12_document (tenant_id, created_at DESC);
CREATE INDEX x12_document_ack ON x12_document (tenant_id, ack_status) WHERE ack_status = 'AWAITED';
CREATE UNIQUE INDEX x12_document_outbox_once ON x12_document (tenant_id, outbox_id) WHERE outbox_id IS NOT NULL;

SELECT crossdock_protect_tenant_table('wms_account');
SELECT crossdock_protect_tenant_table('x12_document');
