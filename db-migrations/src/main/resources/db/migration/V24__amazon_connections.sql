-- Amazon SP-API connections. A connection of any channel keeps its row in channel_connection (name, mode, flows,
-- inbox, orders hang off it); Amazon's own settings live in amazon_connection. shop_domain holds the seller id,
-- api_version the Orders API version ('v0'), so the list of connections reads the same for every channel.
ALTER TABLE channel_connection DROP CONSTRAINT channel_connection_channel_check;
ALTER TABLE channel_connection ADD CONSTRAINT channel_connection_channel_check
    CHECK (channel IN ('SHOPIFY', 'AMAZON'));
-- Amazon has no store access token or webhook secret: its credentials are the LWA ones below
ALTER TABLE channel_connection ALTER COLUMN access_token DROP NOT NULL;
ALTER TABLE channel_connection ALTER COLUMN webhook_secret DROP NOT NULL;
ALTER TABLE channel_connection ADD CONSTRAINT channel_connection_shopify_credentials
    CHECK (channel <> 'SHOPIFY' OR (access_token IS NOT NULL AND webhook_secret IS NOT NULL));

CREATE TABLE amazon_connection
(
    tenant_id         UUID         NOT NULL REFERENCES tenant (id),
    connection_id     UUID PRIMARY KEY REFERENCES channel_connection (id) ON DELETE CASCADE,
    seller_id         VARCHAR(20)  NOT NULL,
    -- comma-separated marketplace ids, e.g. ATVPDKIKX0DER,A2EUQ1WTGCTBG2
    marketplace_ids   VARCHAR(500) NOT NULL,
    region            VARCHAR(2)   NOT NULL CHECK (region IN ('NA', 'EU', 'FE')),
    lwa_client_id     VARCHAR(200) NOT NULL,
    -- AES-GCM: key id, then nonce + ciphertext + tag (see CredentialCipher)
    lwa_client_secret BYTEA        NOT NULL,
    refresh_token     BYTEA        NOT NULL,
    CONSTRAINT amazon_connection_seller UNIQUE (tenant_id, seller_id, region)
);
CREATE INDEX amazon_connection_tenant ON amazon_connection (tenant_id, connection_id);

-- why an inbox entry was not applied (an order fulfilled by Amazon is not the warehouse's)
ALTER TABLE channel_inbox ADD COLUMN note VARCHAR(500) NULL;

SELECT crossdock_protect_tenant_table('amazon_connection');
