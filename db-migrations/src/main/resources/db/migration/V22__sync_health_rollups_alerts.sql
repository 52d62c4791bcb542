-- Sync health: rollups per tenant, connection and flow per minute, hour and day, kept up to date by triggers in the
-- same transaction that writes the facts (a flow run finishing, an order's journey step, an exception opened or
-- resolved), so no dashboard reads raw events and raw events can be deleted after their retention while the
-- rollups stay. Alert rules per tenant and the alerts they raised; SKU drift per day for the trend.

-- One table per grain (minute, hour, day), so a 90-day view reads only day rows and each grain has its own retention.
CREATE TABLE health_rollup_minute
(
    tenant_id           UUID        NOT NULL REFERENCES tenant (id),
    bucket              TIMESTAMPTZ NOT NULL,
    -- the nil UUID for facts that belong to no connection (an exception of the warehouse exchange)
    connection_id       UUID        NOT NULL,
    flow                VARCHAR(30) NOT NULL,
    runs                INTEGER     NOT NULL DEFAULT 0,
    runs_failed         INTEGER     NOT NULL DEFAULT 0,
    records_in          BIGINT      NOT NULL DEFAULT 0,
    records_out         BIGINT      NOT NULL DEFAULT 0,
    records_failed      BIGINT      NOT NULL DEFAULT 0,
    lag_ms_max          BIGINT      NOT NULL DEFAULT 0,
    lag_ms_sum          BIGINT      NOT NULL DEFAULT 0,
    last_success        TIMESTAMPTZ NULL,
    orders_received     INTEGER     NOT NULL DEFAULT 0,
    orders_released     INTEGER     NOT NULL DEFAULT 0,
    orders_held         INTEGER     NOT NULL DEFAULT 0,
    orders_shipped      INTEGER     NOT NULL DEFAULT 0,
    tracking_posted     INTEGER     NOT NULL DEFAULT 0,
    exceptions_opened   INTEGER     NOT NULL DEFAULT 0,
    exceptions_resolved INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, bucket, connection_id, flow)
);
CREATE TABLE health_rollup_hour (LIKE health_rollup_minute INCLUDING ALL);
CREATE TABLE health_rollup_day (LIKE health_rollup_minute INCLUDING ALL);
ALTER TABLE health_rollup_hour ADD FOREIGN KEY (tenant_id) REFERENCES tenant (id);
ALTER TABLE health_rollup_day ADD FOREIGN KEY (tenant_id) REFERENCES tenant (id);

-- Exceptions per day, flow and reason (new ones and repeats), for the recurring failure patterns.
CREATE TABLE health_failure_day
(
    tenant_id   UUID        NOT NULL REFERENCES tenant (id),
    day         DATE        NOT NULL,
    flow        VARCHAR(30) NOT NULL,
    reason_code VARCHAR(40) NOT NULL,
    opened      INTEGER     NOT NULL DEFAULT 0,
    repeats     INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day, flow, reason_code)
);

-- The largest drift between the warehouse and a store listing seen per day (written by the alert evaluation).
CREATE TABLE health_drift_day
(
    tenant_id   UUID         NOT NULL REFERENCES tenant (id),
    day         DATE         NOT NULL,
    channel_sku VARCHAR(100) NOT NULL,
    max_drift   INTEGER      NOT NULL,
    last_drift  INTEGER      NOT NULL,
    PRIMARY KEY (tenant_id, day, channel_sku)
);

CREATE TABLE alert_rule
(
    tenant_id     UUID          NOT NULL REFERENCES tenant (id),
    id            UUID PRIMARY KEY,
    kind          VARCHAR(20)   NOT NULL CHECK (kind IN ('LAG', 'ERROR_RATE', 'DRIFT', 'EXCEPTION_AGE')),
    -- minutes for LAG and EXCEPTION_AGE, percent for ERROR_RATE, units for DRIFT
    threshold     INTEGER       NOT NULL CHECK (threshold >= 0),
    email         VARCHAR(320)  NULL,
    webhook_url   VARCHAR(2000) NULL,
    quiet_minutes INTEGER       NOT NULL CHECK (quiet_minutes >= 0),
    enabled       BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by    VARCHAR(200)  NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX alert_rule_tenant ON alert_rule (tenant_id, kind);

-- An alert raised by a rule: one open alert per rule and subject (repeats are counted, not sent again); cleared
-- when the condition is gone. Raised inside the rule's quiet period, it is recorded but not delivered.
CREATE TABLE alert_event
(
    tenant_id      UUID          NOT NULL REFERENCES tenant (id),
    id             UUID PRIMARY KEY,
    rule_id        UUID          NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    dedup_key      VARCHAR(300)  NOT NULL,
    subject        VARCHAR(300)  NOT NULL,
    detail         VARCHAR(2000) NOT NULL,
    measured       BIGINT        NOT NULL,
    raised_at      TIMESTAMPTZ   NOT NULL,
    last_seen      TIMESTAMPTZ   NOT NULL,
    occurrences    INTEGER       NOT NULL DEFAULT 1,
    delivery       VARCHAR(12)   NOT NULL CHECK (delivery IN ('SENT', 'QUIET', 'FAILED', 'PARTLY_SENT')),
    email_result   VARCHAR(500)  NOT NULL DEFAULT '',
    webhook_result VARCHAR(500)  NOT NULL DEFAULT '',
    cleared_at     TIMESTAMPTZ   NULL
);
CREATE UNIQUE INDEX alert_event_open ON alert_event (tenant_id, rule_id, dedup_key) WHERE cleared_at IS NULL;
CREATE INDEX alert_event_recent ON alert_event (tenant_id, raised_at DESC);

-- the retention job deletes journey steps by age
CREATE INDEX sales_order_event_at ON sales_order_event (tenant_id, at);
CREATE INDEX flow_run_started ON flow_run (tenant_id, started_at);

-- Adds one fact to the minute, hour and day rollups of its tenant, connection and flow.
CREATE FUNCTION health_bump(p_tenant UUID, p_at TIMESTAMPTZ, p_connection UUID, p_flow VARCHAR,
                            p_runs INTEGER DEFAULT 0, p_runs_failed INTEGER DEFAULT 0, p_in BIGINT DEFAULT 0,
                            p_out BIGINT DEFAULT 0, p_failed BIGINT DEFAULT 0, p_lag BIGINT DEFAULT 0,
                            p_success TIMESTAMPTZ DEFAULT NULL, p_received INTEGER DEFAULT 0,
                            p_released INTEGER DEFAULT 0, p_held INTEGER DEFAULT 0, p_shipped INTEGER DEFAULT 0,
                            p_posted INTEGER DEFAULT 0, p_opened INTEGER DEFAULT 0, p_resolved INTEGER DEFAULT 0)
    RETURNS VOID
    LANGUAGE plpgsql
AS $$
DECLARE
    grain TEXT;
BEGIN
    FOREACH grain IN ARRAY ARRAY ['minute', 'hour', 'day']
        LOOP
            EXECUTE format($sql$
                INSERT INTO %I AS r (tenant_id, bucket, connection_id, flow, runs, runs_failed, records_in,
                                     records_out, records_failed, lag_ms_max, lag_ms_sum, last_success,
                                     orders_received, orders_released, orders_held, orders_shipped, tracking_posted,
                                     exceptions_opened, exceptions_resolved)
                VALUES ($1, date_trunc(%L, $2, 'UTC'), $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13, $14,
                        $15, $16, $17, $18)
                ON CONFLICT (tenant_id, bucket, connection_id, flow) DO UPDATE SET
                    runs                = r.runs + EXCLUDED.runs,
                    runs_failed         = r.runs_failed + EXCLUDED.runs_failed,
                    records_in          = r.records_in + EXCLUDED.records_in,
                    records_out         = r.records_out + EXCLUDED.records_out,
                    records_failed      = r.records_failed + EXCLUDED.records_failed,
                    lag_ms_max          = GREATEST(r.lag_ms_max, EXCLUDED.lag_ms_max),
                    lag_ms_sum          = r.lag_ms_sum + EXCLUDED.lag_ms_sum,
                    last_success        = GREATEST(r.last_success, EXCLUDED.last_success),
                    orders_received     = r.orders_received + EXCLUDED.orders_received,
                    orders_released     = r.orders_released + EXCLUDED.orders_released,
                    orders_held         = r.orders_held + EXCLUDED.orders_held,
                    orders_shipped      = r.orders_shipped + EXCLUDED.orders_shipped,
                    tracking_posted     = r.tracking_posted + EXCLUDED.tracking_posted,
                    exceptions_opened   = r.exceptions_opened + EXCLUDED.exceptions_opened,
                    exceptions_resolved = r.exceptions_resolved + EXCLUDED.exceptions_resolved$sql$,
                           'health_rollup_' || grain, grain)
                USING p_tenant, p_at, COALESCE(p_connection, '00000000-0000-0000-0000-000000000000'::UUID), p_flow,
                      p_runs, p_runs_failed, p_in, p_out, p_failed, p_lag, p_success, p_received, p_released, p_held,
                      p_shipped, p_posted, p_opened, p_resolved;
        END LOOP;
END
$$;

-- A flow run counts once, when it is recorded with its outcome (RUNNING is not yet an outcome).
CREATE FUNCTION health_flow_run() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.outcome <> 'RUNNING' AND (TG_OP = 'INSERT' OR OLD.outcome = 'RUNNING') THEN
        PERFORM health_bump(NEW.tenant_id, COALESCE(NEW.finished_at, NEW.started_at), NEW.connection_id, NEW.flow,
                            p_runs => 1, p_runs_failed => CASE WHEN NEW.outcome = 'FAILED' THEN 1 ELSE 0 END,
                            p_in => NEW.records_in, p_out => NEW.records_out, p_failed => NEW.records_failed,
                            p_lag => COALESCE(NEW.lag_ms, 0),
                            p_success => CASE WHEN NEW.outcome IN ('OK', 'PARTIAL')
                                                  THEN COALESCE(NEW.finished_at, NEW.started_at) END);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER health_flow_run AFTER INSERT OR UPDATE OF outcome ON flow_run
    FOR EACH ROW EXECUTE FUNCTION health_flow_run();

-- The journey steps the dashboards count: orders from the channel, held, released, shipped, tracking posted.
CREATE FUNCTION health_journey_step() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
DECLARE
    conn UUID;
BEGIN
    SELECT connection_id INTO conn FROM sales_order WHERE id = NEW.order_id;
    PERFORM health_bump(NEW.tenant_id, NEW.at, conn,
                        CASE WHEN NEW.step IN ('SHIPPED', 'TRACKING_POSTED') THEN 'FULFILLMENT_WRITEBACK'
                             ELSE 'ORDER_IMPORT' END,
                        p_received => (NEW.step = 'RECEIVED')::INTEGER,
                        p_released => (NEW.step = 'RELEASED')::INTEGER, p_held => (NEW.step = 'HELD')::INTEGER,
                        p_shipped => (NEW.step = 'SHIPPED')::INTEGER,
                        p_posted => (NEW.step = 'TRACKING_POSTED')::INTEGER);
    RETURN NULL;
END
$$;
CREATE TRIGGER health_journey_step AFTER INSERT ON sales_order_event
    FOR EACH ROW WHEN (NEW.step IN ('RECEIVED', 'RELEASED', 'HELD', 'SHIPPED', 'TRACKING_POSTED'))
    EXECUTE FUNCTION health_journey_step();

-- An exception opened, seen again, or resolved.
CREATE FUNCTION health_exception() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
DECLARE
    opened   INTEGER := (TG_OP = 'INSERT')::INTEGER;
    repeats  INTEGER := CASE WHEN TG_OP = 'UPDATE' THEN GREATEST(NEW.occurrences - OLD.occurrences, 0) ELSE 0 END;
    resolved INTEGER := (TG_OP = 'UPDATE' AND OLD.status = 'OPEN' AND NEW.status = 'RESOLVED')::INTEGER;
    at       TIMESTAMPTZ := CASE WHEN resolved = 1 THEN COALESCE(NEW.resolved_at, now()) ELSE NEW.last_seen END;
BEGIN
    IF opened + resolved > 0 THEN
        PERFORM health_bump(NEW.tenant_id, at, NEW.connection_id, NEW.flow, p_opened => opened,
                            p_resolved => resolved);
    END IF;
    IF opened + repeats > 0 THEN
        INSERT INTO health_failure_day AS f (tenant_id, day, flow, reason_code, opened, repeats)
        VALUES (NEW.tenant_id, (NEW.last_seen AT TIME ZONE 'UTC')::DATE, NEW.flow, NEW.reason_code, opened, repeats)
        ON CONFLICT (tenant_id, day, flow, reason_code) DO UPDATE SET
            opened  = f.opened + EXCLUDED.opened,
            repeats = f.repeats + EXCLUDED.repeats;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER health_exception AFTER INSERT OR UPDATE OF status, occurrences ON integration_exception
    FOR EACH ROW EXECUTE FUNCTION health_exception();

SELECT crossdock_protect_tenant_table('health_rollup_minute');
SELECT crossdock_protect_tenant_table('health_rollup_hour');
SELECT crossdock_protect_tenant_table('health_rollup_day');
SELECT crossdock_protect_tenant_table('health_failure_day');
SELECT crossdock_protect_tenant_table('health_drift_day');
SELECT crossdock_protect_tenant_table('alert_rule');
SELECT crossdock_protect_tenant_table('alert_event');

-- The one cross-tenant read: the portfolio and leadership dashboards read the rollups (counts, no payloads) of
-- the tenants the service has checked the caller may see, in a read-only transaction that names them in
-- crossdock.health_tenants (a comma-separated list, or '*' for the 3PL's leaders and platform admins). Reading
-- only; writes still need the tenant_isolation policy.
CREATE FUNCTION crossdock_health_readable(tenant UUID) RETURNS BOOLEAN
    LANGUAGE sql STABLE
AS $$
SELECT CASE current_setting('crossdock.health_tenants', true)
           WHEN '*' THEN TRUE
           WHEN '' THEN FALSE
           ELSE tenant::TEXT = ANY (string_to_array(current_setting('crossdock.health_tenants', true), ','))
       END
$$;
CREATE POLICY health_read ON health_rollup_hour FOR SELECT USING (crossdock_health_readable(tenant_id));
CREATE POLICY health_read ON health_rollup_day FOR SELECT USING (crossdock_health_readable(tenant_id));
CREATE POLICY health_read ON health_failure_day FOR SELECT USING (crossdock_health_readable(tenant_id));
