-- UAT: a tenant's custom scenarios (copied from a built-in template, steps edited), each run of a scenario on the
-- tenant's own configuration with the items it picked and the configuration version it ran against, each step's
-- outcome with its reason and evidence (payloads in and out, ids of orders and documents), and the sign-offs of a
-- passing run by the brand admin and the account manager.

CREATE TABLE uat_scenario
(
    tenant_id    UUID          NOT NULL REFERENCES tenant (id),
    id           UUID PRIMARY KEY,
    scenario_key VARCHAR(80)   NOT NULL,
    name         VARCHAR(120)  NOT NULL,
    copied_from  VARCHAR(80)   NOT NULL,
    definition   TEXT          NOT NULL,
    changed_by   VARCHAR(200)  NOT NULL,
    changed_at   TIMESTAMPTZ   NOT NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uat_scenario_key UNIQUE (tenant_id, scenario_key)
);

CREATE TABLE uat_run
(
    tenant_id      UUID         NOT NULL REFERENCES tenant (id),
    id             UUID PRIMARY KEY,
    scenario_key   VARCHAR(80)  NOT NULL,
    scenario_name  VARCHAR(120) NOT NULL,
    definition     TEXT         NOT NULL,
    status         VARCHAR(8)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'PASSED', 'FAILED')),
    config_version BIGINT       NOT NULL CHECK (config_version >= 0),
    picked_items   TEXT         NOT NULL DEFAULT '[]',
    summary        VARCHAR(2000) NOT NULL DEFAULT '',
    started_by     VARCHAR(200) NOT NULL,
    queued_at      TIMESTAMPTZ  NOT NULL,
    started_at     TIMESTAMPTZ  NULL,
    finished_at    TIMESTAMPTZ  NULL
);
CREATE INDEX uat_run_recent ON uat_run (tenant_id, queued_at DESC);
CREATE INDEX uat_run_scenario ON uat_run (tenant_id, scenario_key, queued_at DESC);

CREATE TABLE uat_step_result
(
    tenant_id   UUID          NOT NULL REFERENCES tenant (id),
    id          UUID PRIMARY KEY,
    run_id      UUID          NOT NULL REFERENCES uat_run (id) ON DELETE CASCADE,
    step_no     INTEGER       NOT NULL CHECK (step_no > 0),
    title       VARCHAR(120)  NOT NULL,
    kind        VARCHAR(24)   NOT NULL,
    outcome     VARCHAR(8)    NOT NULL CHECK (outcome IN ('PENDING', 'RUNNING', 'PASSED', 'FAILED', 'SKIPPED')),
    reason      VARCHAR(4000) NOT NULL DEFAULT '',
    evidence    TEXT          NOT NULL DEFAULT '{}',
    started_at  TIMESTAMPTZ   NULL,
    finished_at TIMESTAMPTZ   NULL,
    CONSTRAINT uat_step_result_once UNIQUE (tenant_id, run_id, step_no)
);

CREATE TABLE uat_signoff
(
    tenant_id      UUID         NOT NULL REFERENCES tenant (id),
    id             UUID PRIMARY KEY,
    run_id         UUID         NOT NULL REFERENCES uat_run (id) ON DELETE CASCADE,
    role           VARCHAR(16)  NOT NULL CHECK (role IN ('BRAND_ADMIN', 'ACCOUNT_MANAGER')),
    signed_by      VARCHAR(200) NOT NULL,
    signed_by_name VARCHAR(200) NOT NULL,
    signed_at      TIMESTAMPTZ  NOT NULL,
    config_version BIGINT       NOT NULL CHECK (config_version >= 0),
    CONSTRAINT uat_signoff_once UNIQUE (tenant_id, run_id, role)
);
CREATE INDEX uat_signoff_recent ON uat_signoff (tenant_id, signed_at DESC);

SELECT crossdock_protect_tenant_table('uat_scenario');
SELECT crossdock_protect_tenant_table('uat_run');
SELECT crossdock_protect_tenant_table('uat_step_result');
SELECT crossdock_protect_tenant_table('uat_signoff');
