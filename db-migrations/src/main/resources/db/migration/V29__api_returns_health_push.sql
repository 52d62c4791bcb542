-- The API's remainders and sync health's: when an inventory.changed webhook is worth sending (per subscription),
-- the rate limit of each API client held in the database so it holds across portal instances, and each tenant's
-- own key for signing alert webhooks.

-- An inventory.changed delivery goes to a subscription when the warehouse's available units of a SKU moved by at
-- least min_units, or by at least min_percent of what was available before (from 0, any rise counts).
ALTER TABLE webhook_subscription
    ADD COLUMN inventory_min_units   INTEGER NOT NULL DEFAULT 10 CHECK (inventory_min_units >= 1),
    ADD COLUMN inventory_min_percent INTEGER NOT NULL DEFAULT 10 CHECK (inventory_min_percent BETWEEN 1 AND 1000);

-- A token bucket per API client: one upsert per call refills it from the time of the last call, takes a token when
-- there is one and answers what is left, atomically under the row's lock, whichever portal instance is asked.
CREATE TABLE api_rate_bucket
(
    tenant_id   UUID             NOT NULL REFERENCES tenant (id),
    client_id   UUID             NOT NULL,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMPTZ      NOT NULL,
    allowed     BOOLEAN          NOT NULL,
    PRIMARY KEY (tenant_id, client_id)
);

-- The key a tenant's alert webhooks are signed with (HMAC-SHA256), sealed with the credential cipher; shown once
-- when made or rotated, never again.
CREATE TABLE alert_webhook_key
(
    tenant_id  UUID         NOT NULL REFERENCES tenant (id),
    id         UUID PRIMARY KEY,
    secret     BYTEA        NOT NULL,
    hint       VARCHAR(20)  NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT alert_webhook_key_one UNIQUE (tenant_id)
);

SELECT crossdock_protect_tenant_table('api_rate_bucket');
SELECT crossdock_protect_tenant_table('alert_webhook_key');

-- the API lists returns by their last change
CREATE INDEX rma_changes ON rma (tenant_id, updated_at, id);

-- Live dashboards: every change to a tenant's hour rollup tells the portal instances listening on crossdock_health
-- which tenant moved. NOTIFY is sent at commit (a rolled-back fact says nothing) and once per tenant and
-- transaction however many rows changed.
CREATE FUNCTION health_rollup_notify() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('crossdock_health', NEW.tenant_id::TEXT);
    RETURN NULL;
END
$$;

CREATE TRIGGER health_rollup_notify AFTER INSERT OR UPDATE ON health_rollup_hour
    FOR EACH ROW EXECUTE FUNCTION health_rollup_notify();
