-- Walmart Marketplace connections. Like Amazon's, the connection keeps its row in channel_connection (shop_domain holds
-- the seller id, api_version 'v3'); Walmart's own settings live in walmart_connection.
ALTER TABLE channel_connection DROP CONSTRAINT channel_connection_channel_check;
ALTER TABLE channel_connection ADD CONSTRAINT channel_connection_channel_check
    CHECK (channel IN ('SHOPIFY', 'AMAZON', 'WALMART'));

CREATE TABLE walmart_connection
(
    tenant_id     UUID         NOT NULL REFERENCES tenant (id),
    connection_id UUID PRIMARY KEY REFERENCES channel_connection (id) ON DELETE CASCADE,
    -- the seller's partner id (Seller Center → Settings → Partner profile)
    seller_id     VARCHAR(30)  NOT NULL,
    -- comma-separated ship node ids (Seller Center → Settings → Shipping → Ship nodes); the first gets the stock
    ship_nodes    VARCHAR(500) NOT NULL,
    -- AES-GCM: key id, then nonce + ciphertext + tag (see CredentialCipher)
    client_id     BYTEA        NOT NULL,
    client_secret BYTEA        NOT NULL,
    CONSTRAINT walmart_connection_seller UNIQUE (tenant_id, seller_id)
);
CREATE INDEX walmart_connection_tenant ON walmart_connection (tenant_id, connection_id);

SELECT crossdock_protect_tenant_table('walmart_connection');
