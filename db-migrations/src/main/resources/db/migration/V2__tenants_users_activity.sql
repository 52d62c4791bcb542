-- Tenancy core: tenants (brand clients of the 3PL), local users with roles, and the
-- per-tenant activity log. Every tenant-owned table carries tenant_id NOT NULL and its
-- indexes start with tenant_id.

CREATE TABLE tenant
(
    id                 UUID PRIMARY KEY,
    code               VARCHAR(16)  NOT NULL,
    name               VARCHAR(120) NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    account_manager_id UUID         NULL,
    accent_color       VARCHAR(7)   NULL,
    logo               BYTEA        NULL,
    logo_content_type  VARCHAR(100) NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    created_by         VARCHAR(100) NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    updated_by         VARCHAR(100) NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT tenant_code_unique UNIQUE (code),
    CONSTRAINT tenant_code_format CHECK (code ~ '^[A-Z][A-Z0-9-]{1,15}$'),
    CONSTRAINT tenant_status_known CHECK (status IN ('ACTIVE', 'PAUSED', 'OFFBOARDED')),
    CONSTRAINT tenant_accent_color_format CHECK (accent_color IS NULL OR accent_color ~ '^#[0-9a-fA-F]{6}$')
);
CREATE UNIQUE INDEX tenant_name_unique ON tenant (lower(name));

CREATE TABLE user_account
(
    id              UUID PRIMARY KEY,
    username        VARCHAR(100) NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    email           VARCHAR(200) NULL,
    password_hash   VARCHAR(100) NOT NULL,
    -- the brand the user belongs to; NULL for the 3PL's own people
    tenant_id       UUID         NULL REFERENCES tenant (id),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    last_sign_in_at TIMESTAMPTZ  NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT user_account_username_unique UNIQUE (username)
);
CREATE INDEX user_account_tenant ON user_account (tenant_id);

CREATE TABLE user_role
(
    user_id UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role    VARCHAR(40) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_known CHECK (role IN ('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER',
                                               'LEADERSHIP_VIEWER'))
);

ALTER TABLE tenant
    ADD CONSTRAINT tenant_account_manager_fk FOREIGN KEY (account_manager_id) REFERENCES user_account (id);
CREATE INDEX tenant_account_manager ON tenant (account_manager_id);

CREATE TABLE tenant_activity
(
    id          UUID PRIMARY KEY,
    tenant_id   UUID         NOT NULL REFERENCES tenant (id),
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    action      VARCHAR(60)  NOT NULL,
    detail      VARCHAR(500) NOT NULL
);
CREATE INDEX tenant_activity_recent ON tenant_activity (tenant_id, occurred_at DESC);

-- System job: one row per scheduler instance, written by the heartbeat job.
CREATE TABLE scheduler_heartbeat
(
    instance_id VARCHAR(200) PRIMARY KEY,
    beat_at     TIMESTAMPTZ NOT NULL,
    beats       BIGINT      NOT NULL
);
