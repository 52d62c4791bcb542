-- Audit trail (Hibernate Envers): one revision per audited change set, stamped with who and which tenant,
-- and one _aud table per audited entity holding the state after each revision.

CREATE TABLE audit_revision
(
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    tenant_id   UUID         NULL
);
CREATE INDEX audit_revision_tenant_time ON audit_revision (tenant_id, occurred_at DESC);

CREATE TABLE tenant_aud
(
    id                 UUID     NOT NULL,
    rev                BIGINT   NOT NULL REFERENCES audit_revision (id),
    revtype            SMALLINT NOT NULL,
    code               VARCHAR(16),
    name               VARCHAR(120),
    status             VARCHAR(20),
    account_manager_id UUID,
    accent_color       VARCHAR(7),
    logo_content_type  VARCHAR(100),
    PRIMARY KEY (id, rev)
);
