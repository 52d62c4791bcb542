-- Amazon: the listings feeds that carry merchant-fulfilled inventory (one in flight per connection, read back
-- across flow runs), and the differences between a tenant's FBA prep attributes and Amazon's prep details.

-- A JSON_LISTINGS_FEED submitted to Amazon: what it sets (seller SKU -> quantity, as JSON), where Amazon is with it,
-- and once finished its processing report (kept as Amazon wrote it) and the counts read from it.
CREATE TABLE amazon_feed
(
    tenant_id        UUID         NOT NULL REFERENCES tenant (id),
    id               UUID PRIMARY KEY,
    connection_id    UUID         NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    feed_type        VARCHAR(40)  NOT NULL,
    feed_id          VARCHAR(100) NOT NULL,
    document_id      VARCHAR(200) NOT NULL,
    quantities       TEXT         NOT NULL,
    status           VARCHAR(12)  NOT NULL CHECK (status IN ('IN_QUEUE', 'IN_PROGRESS', 'DONE', 'FATAL',
                                                             'CANCELLED')),
    submitted_at     TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ  NULL,
    accepted         INTEGER      NULL,
    rejected         INTEGER      NULL,
    report           TEXT         NOT NULL DEFAULT '',
    CONSTRAINT amazon_feed_once UNIQUE (tenant_id, connection_id, feed_id)
);
CREATE INDEX amazon_feed_open ON amazon_feed (tenant_id, connection_id, submitted_at)
    WHERE status IN ('IN_QUEUE', 'IN_PROGRESS');

-- Where Amazon's prep details (listPrepDetails) of a seller SKU differ from the catalog's prep attributes of its
-- item, as of the last "Compare prep with Amazon" of the connection (which replaces the connection's rows).
CREATE TABLE amazon_prep_mismatch
(
    tenant_id     UUID         NOT NULL REFERENCES tenant (id),
    id            UUID PRIMARY KEY,
    connection_id UUID         NOT NULL REFERENCES channel_connection (id) ON DELETE CASCADE,
    msku          VARCHAR(100) NOT NULL,
    master_sku    VARCHAR(64)  NOT NULL,
    field         VARCHAR(20)  NOT NULL CHECK (field IN ('PREP_CATEGORY', 'PREP_TYPES', 'PREP_OWNER', 'LABEL_OWNER',
                                                          'NOT_AT_AMAZON')),
    ours          VARCHAR(400) NOT NULL,
    amazons       VARCHAR(400) NOT NULL,
    compared_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT amazon_prep_mismatch_once UNIQUE (tenant_id, connection_id, msku, field)
);
CREATE INDEX amazon_prep_mismatch_sku ON amazon_prep_mismatch (tenant_id, master_sku);

SELECT crossdock_protect_tenant_table('amazon_feed');
SELECT crossdock_protect_tenant_table('amazon_prep_mismatch');
