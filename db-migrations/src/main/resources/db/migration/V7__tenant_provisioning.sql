-- Provisioning of a tenant's Keycloak organization and brand admin (keycloak sign-in mode only).
-- Operational state, not configuration: not audited (no tenant_aud columns). Tenants of local mode and those
-- created before this change need no provisioning.

ALTER TABLE tenant
    ADD COLUMN provisioning_status  VARCHAR(16)  NOT NULL DEFAULT 'NOT_REQUIRED'
        CHECK (provisioning_status IN ('NOT_REQUIRED', 'PENDING', 'PROVISIONED', 'FAILED')),
    ADD COLUMN provisioning_problem VARCHAR(500) NULL,
    ADD COLUMN provisioned_at       TIMESTAMPTZ  NULL,
    ADD COLUMN brand_admin_email    VARCHAR(254) NULL,
    ADD COLUMN brand_admin_name     VARCHAR(120) NULL;
