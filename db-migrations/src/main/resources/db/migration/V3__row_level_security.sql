-- Row-level security: the database's own guard on every tenant-owned table, beneath the service checks and
-- Hibernate's tenant filter. The application sets the tenant of each transaction with
--   SELECT set_config('crossdock.tenant_id', '<uuid>', true)
-- (transaction-local, so a pooled connection never carries one tenant into the next transaction) and connects
-- as a role that owns no table. FORCE applies the policies to the owner as well; only superusers bypass them.

CREATE FUNCTION crossdock_current_tenant() RETURNS UUID
    LANGUAGE sql STABLE
AS $$ SELECT NULLIF(current_setting('crossdock.tenant_id', true), '')::uuid $$;

-- Every tenant-owned table calls this once, in the migration that creates it.
CREATE FUNCTION crossdock_protect_tenant_table(tbl REGCLASS) RETURNS VOID
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = crossdock_current_tenant()) '
                       || 'WITH CHECK (tenant_id = crossdock_current_tenant())', tbl);
END
$$;

SELECT crossdock_protect_tenant_table('tenant_activity');

-- The application role (placeholder app_role) reads and writes rows, and owns nothing. Skipped when the
-- application connects as the owner itself (a one-user setup); FORCE keeps the policies in force there too.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') AND '${app_role}' <> current_user THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                       current_schema(), '${app_role}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), '${app_role}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                       current_schema(), '${app_role}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
                       current_schema(), '${app_role}');
        EXECUTE format('REVOKE ALL ON %I FROM %I', '${flyway:table}', '${app_role}');
    END IF;
END
$$;
