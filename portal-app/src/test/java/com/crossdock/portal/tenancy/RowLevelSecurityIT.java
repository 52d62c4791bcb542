package com.crossdock.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.catalog.workbook.CatalogWorkbookService;
import com.crossdock.portal.catalog.workbook.ImportProgress;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.RowLevelSecurityAudit;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database's own layer of isolation: through the application's role, with tenant A set, no tenant-owned
 * table shows or accepts tenant B's rows; and the audit notices when one table loses its policy.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, RowLevelSecurityIT.class);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired CatalogWorkbookService workbooks;
    @Autowired DataSource applicationDataSource;

    final JdbcClient superuser = TestDatabases.superuser(RowLevelSecurityIT.class);
    TenantId apparel;
    TenantId home;

    @BeforeAll
    void seedEveryTenantOwnedTableForTwoTenants() {
        SystemActor.call("test", () -> {
            apparel = tenants.create(new TenantCommand("Apparel Co", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home Co", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (TenantId tenant : List.of(apparel, home)) {
                catalog.save(tenant, null, new ItemCommand("SKU-" + tenant, "Item", ItemStatus.ACTIVE, false, false,
                        false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.WALMART_SKU, "W-" + tenant))), 0);
                catalog.saveBundle(tenant, null, new BundleDefinition(Sku.of("SET-" + tenant), BundleKind.VIRTUAL,
                        List.of(new BundleDefinition.Component(Sku.of("SKU-" + tenant), 2))), 0);
                stageAnImportWithAProblem(tenant);
            }
            return null;
        });
    }

    /** Fills catalog_import, catalog_import_row and catalog_import_problem: one good row, one bad. */
    private void stageAnImportWithAProblem(TenantId tenant) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("items", ".csv");
            java.nio.file.Files.writeString(file, "SKU,Description,Status\nNEW-" + tenant + ",New,ACTIVE\nBAD,Bad,NO\n");
            workbooks.upload(tenant, file, "items.csv", ImportProgress.NONE);
            java.nio.file.Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theApplicationConnectsAsARoleThatOwnsNothingAndCannotBypassSecurity() {
        JdbcClient app = JdbcClient.create(applicationDataSource);
        assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo("crossdock_app");
        assertThat(app.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(superuser.sql("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                + "AND tableowner = 'crossdock_app'").query(Long.class).single()).isZero();
    }

    @Test
    void noTenantOwnedTableLetsTenantASeeOrWriteTenantBsRows() throws Exception {
        RowLevelSecurityAudit audit = new RowLevelSecurityAudit(superuser, applicationDataSource);
        assertThat(audit.tenantOwnedTables()).contains("tenant_activity", "catalog_item", "catalog_pack",
                "catalog_alias", "catalog_bundle", "catalog_bundle_component", "catalog_item_aud",
                "catalog_bundle_aud", "catalog_import", "catalog_import_row", "catalog_import_problem");
        assertThat(audit.problems(apparel.value(), home.value())).isEmpty();
        assertThat(audit.problems(home.value(), apparel.value())).isEmpty();
    }

    @Test
    void theAuditCatchesATableWhosePolicyWasDropped() throws Exception {
        RowLevelSecurityAudit audit = new RowLevelSecurityAudit(superuser, applicationDataSource);
        superuser.sql("DROP POLICY tenant_isolation ON tenant_activity").update();
        superuser.sql("ALTER TABLE tenant_activity NO FORCE ROW LEVEL SECURITY").update();
        superuser.sql("ALTER TABLE tenant_activity DISABLE ROW LEVEL SECURITY").update();
        try {
            assertThat(audit.problems(apparel.value(), home.value())).anySatisfy(problem ->
                    assertThat(problem).startsWith("tenant_activity: tenant A sees"))
                    .anySatisfy(problem -> assertThat(problem)
                            .isEqualTo("tenant_activity: row-level security is not enabled and forced"))
                    .anySatisfy(problem -> assertThat(problem)
                            .isEqualTo("tenant_activity: tenant A could write a row with tenant B's id"));
        } finally {
            superuser.sql("SELECT crossdock_protect_tenant_table('tenant_activity')").query().singleRow();
        }
        assertThat(audit.problems(apparel.value(), home.value())).isEmpty();
    }
}
