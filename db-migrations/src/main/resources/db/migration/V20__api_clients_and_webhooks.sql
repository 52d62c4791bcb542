-- The public API: a brand's API clients (keys kept only as a SHA-256 hash of a high-entropy secret, with their
-- scopes, last use and revocation) and the answers to POSTs with an Idempotency-Key, kept so a repeat gets the
-- first answer. Orders created through the API enter the order pipeline through the channel inbox like any
-- channel's, so the inbox learns a third source. Outbound webhooks: a brand's subscriptions (URL, events, the
-- signing secret sealed by the portal's credential cipher, failures in a row), the outbox of deliveries written in
-- the transaction of the event, and every attempt with its response code.

CREATE TABLE api_client
(
    tenant_id    UUID         NOT NULL REFERENCES tenant (id),
    id           UUID PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    key_prefix   VARCHAR(20)  NOT NULL,
    key_hash     CHAR(64)     NOT NULL,
    scopes       VARCHAR(500) NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ  NULL,
    revoked_by   VARCHAR(200) NULL,
    revoked_at   TIMESTAMPTZ  NULL,
    CONSTRAINT api_client_key UNIQUE (tenant_id, key_hash)
);
CREATE UNIQUE INDEX api_client_active_name ON api_client (tenant_id, lower(name)) WHERE revoked_at IS NULL;
CREATE INDEX api_client_recent ON api_client (tenant_id, created_at DESC);

CREATE TABLE api_idempotency
(
    tenant_id       UUID         NOT NULL REFERENCES tenant (id),
    id              UUID PRIMARY KEY,
    client_id       UUID         NOT NULL REFERENCES api_client (id) ON DELETE CASCADE,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INTEGER      NOT NULL,
    location        VARCHAR(500) NULL,
    body            TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT api_idempotency_once UNIQUE (tenant_id, client_id, idempotency_key)
);

CREATE TABLE webhook_subscription
(
    tenant_id            UUID          NOT NULL REFERENCES tenant (id),
    id                   UUID PRIMARY KEY,
    url                  VARCHAR(2000) NOT NULL,
    events               VARCHAR(500)  NOT NULL,
    secret               BYTEA         NOT NULL,
    status               VARCHAR(10)   NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    consecutive_failures INTEGER       NOT NULL DEFAULT 0,
    disabled_reason      VARCHAR(500)  NULL,
    created_by           VARCHAR(200)  NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_subscription_active ON webhook_subscription (tenant_id, status);

CREATE TABLE webhook_delivery
(
    tenant_id       UUID          NOT NULL REFERENCES tenant (id),
    id              UUID PRIMARY KEY,
    subscription_id UUID          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        UUID          NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    payload         TEXT          NOT NULL,
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_status     INTEGER       NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ   NULL
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (tenant_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_recent ON webhook_delivery (tenant_id, subscription_id, created_at DESC);

CREATE TABLE webhook_attempt
(
    tenant_id   UUID          NOT NULL REFERENCES tenant (id),
    id          UUID PRIMARY KEY,
    delivery_id UUID          NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    at          TIMESTAMPTZ   NOT NULL,
    status_code INTEGER       NULL,
    error       VARCHAR(1000) NULL,
    millis      BIGINT        NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (tenant_id, delivery_id, at);

ALTER TABLE channel_inbox DROP CONSTRAINT channel_inbox_source_check;
ALTER TABLE channel_inbox ADD CONSTRAINT channel_inbox_source_check CHECK (source IN ('WEBHOOK', 'POLL', 'API'));

SELECT crossdock_protect_tenant_table('api_client');
SELECT crossdock_protect_tenant_table('api_idempotency');
SELECT crossdock_protect_tenant_table('webhook_subscription');
SELECT crossdock_protect_tenant_table('webhook_delivery');
SELECT crossdock_protect_tenant_table('webhook_attempt');
