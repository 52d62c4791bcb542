package com.crossdock.portal.catalog.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.ItemSummary;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.crossdock.tenantconfig.workbook.WorkbookFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Workbook import of two brands side by side, against a real PostgreSQL: the dry-run preview, the error file, both
 * commit modes, checks against the catalog, export that imports back unchanged, and isolation.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogWorkbookServiceIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, CatalogWorkbookServiceIT.class);
    }

    @Autowired CatalogWorkbookService workbooks;
    @Autowired CatalogService catalog;
    @Autowired TenantService tenants;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;

    final JdbcClient superuser = TestDatabases.superuser(CatalogWorkbookServiceIT.class);

    @TempDir Path files;
    TenantId apparel;
    TenantId home;

    @BeforeAll
    void seedTwoTenants() {
        SystemActor.call("test", () -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            identity.createUser(new NewUser("apparel.ops", "A", null, "long-password-1", Set.of(Role.BRAND_USER),
                    apparel));
            identity.createUser(new NewUser("home.ops", "H", null, "long-password-2", Set.of(Role.BRAND_USER), home));
            identity.createUser(new NewUser("apparel.boss", "L", null, "long-password-3",
                    Set.of(Role.LEADERSHIP_VIEWER), null));
            return null;
        });
        AsUser.run(users, "apparel.ops", () -> catalog.save(apparel, null, new ItemCommand("TEE-1", "Tee 1",
                ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, "12345678901231")), List.of()), 0));
        AsUser.run(users, "home.ops", () -> catalog.save(home, null, new ItemCommand("CANDLE-01", "Candle",
                ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, "1234567890128")),
                List.of(new AliasLine(AliasKind.AMAZON_FNSKU, "X00ABCDEF1"))), 0));
    }

    @Test
    @Order(1)
    void thePreviewCountsEveryKindOfChangeAndTheErrorFileNamesRowColumnAndValue() {
        AsUser.run(users, "apparel.ops", () -> {
            ImportPreview preview = upload(apparel, "first.zip", firstWorkbook());

            assertThat(preview.status()).isEqualTo(ImportStatus.STAGED);
            assertThat(preview.items()).containsEntry(ImportChange.NEW, 1L).containsEntry(ImportChange.CHANGED, 1L)
                    .containsEntry(ImportChange.INVALID, 2L);
            assertThat(preview.bundles()).containsEntry(ImportChange.NEW, 1L);
            assertThat(preview.samples().get(ImportChange.INVALID)).containsExactly("TEE-3", "TEE-4");
            assertThat(preview.problems()).isEqualTo(2);
            assertThat(catalog.count(apparel, "")).as("a preview writes nothing").isEqualTo(1);

            String errors = errorFile(apparel, preview);
            assertThat(errors.lines().skip(1).toList()).hasSize(2)
                    .anySatisfy(line -> assertThat(line).startsWith("Items,3,Status,MAYBE,"))
                    .anySatisfy(line -> assertThat(line).startsWith("Packs,3,GTIN,416000336109,")
                            .contains("check digit"));
        });
    }

    @Test
    void allOrNothingRefusesAProblemAndApplyValidRowsHoldsBackWholeItems() {
        AsUser.run(users, "apparel.ops", () -> {
            ImportPreview preview = upload(apparel, "first.zip", firstWorkbook());
            assertThatThrownBy(() -> workbooks.commit(apparel, preview.id(), CommitMode.ALL_OR_NOTHING,
                    ImportProgress.NONE)).isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("2 problem(s)");
            assertThat(catalog.count(apparel, "")).isEqualTo(1);

            List<ImportPhase> phases = new ArrayList<>();
            ImportSummary done = workbooks.commit(apparel, preview.id(), CommitMode.VALID_ROWS,
                    (phase, fraction, detail) -> phases.add(phase));

            assertThat(done.status()).isEqualTo(ImportStatus.COMMITTED);
            assertThat(phases).contains(ImportPhase.COMMIT).last().isEqualTo(ImportPhase.DONE);
            assertThat(catalog.search(apparel, "", 0, 10)).extracting(ItemSummary::sku, ItemSummary::description)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("TEE-1", "Tee one, now organic"),
                            org.assertj.core.groups.Tuple.tuple("TEE-2", "Tee 2"));
            ItemSummary tee2 = catalog.search(apparel, "TEE-2", 0, 1).getFirst();
            assertThat(tee2.eachGtin()).isEqualTo("00416000336108");
            assertThat(tee2.aliases()).isEqualTo(1);
            assertThat(catalog.bundles(apparel)).singleElement()
                    .satisfies(bundle -> assertThat(bundle.definition().components()).hasSize(2));
            assertThat(catalog.item(apparel, catalog.search(apparel, "TEE-1", 0, 1).getFirst().id()).item()
                    .packs()).as("Items alone leave packs as they were").hasSize(1);
            assertThatThrownBy(() -> workbooks.commit(apparel, preview.id(), CommitMode.VALID_ROWS,
                    ImportProgress.NONE)).isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("already committed");
            assertThat(workbooks.recentImports(apparel, 10)).filteredOn(i -> i.status() == ImportStatus.STAGED)
                    .as("uploads compared with the catalog before this commit are superseded").isEmpty();
        });
        assertThat(superuser.sql("""
                SELECT count(*) FROM catalog_item_aud a JOIN audit_revision r ON r.id = a.rev
                WHERE r.actor = 'apparel.ops' AND a.sku IN ('TEE-1', 'TEE-2') AND a.revtype IN (0, 1)
                AND r.tenant_id = :tenant""").param("tenant", apparel.value()).query(Long.class).single())
                .as("the import is in the audit trail, by its user").isGreaterThanOrEqualTo(2);
        AsUser.run(users, "home.ops", () -> {
            assertThat(catalog.search(home, "", 0, 10)).extracting(ItemSummary::sku).containsExactly("CANDLE-01");
            assertThat(workbooks.recentImports(home, 10)).extracting(ImportSummary::createdBy)
                    .doesNotContain("apparel.ops");
            assertThatThrownBy(() -> workbooks.recentImports(apparel, 10)).isInstanceOf(NoSuchTenantException.class);
        });
    }

    @Test
    void theExportImportsBackWithNothingToChange() {
        AsUser.run(users, "home.ops", () -> {
            for (WorkbookFormat format : List.of(WorkbookFormat.XLSX, WorkbookFormat.CSV_ZIP)) {
                ByteArrayOutputStream exported = new ByteArrayOutputStream();
                workbooks.export(home, format, exported);
                String name = format == WorkbookFormat.XLSX ? "catalog.xlsx" : "catalog.zip";
                ImportPreview again = upload(home, name, exported.toByteArray());
                assertThat(again.problems()).as(format.name()).isZero();
                assertThat(again.items()).as(format.name()).containsOnlyKeys(ImportChange.UNCHANGED)
                        .containsEntry(ImportChange.UNCHANGED, 1L);
                assertThat(again.changes()).isZero();
                workbooks.discard(home, again.id());
            }
        });
    }

    @Test
    void aBarcodeAnotherItemKeepsAndBundlesInALoopAreProblemsButAnotherTenantsBarcodeIsNot() {
        AsUser.run(users, "home.ops", () -> {
            Map<String, String> sheets = new LinkedHashMap<>();
            sheets.put("items.csv", "SKU,Description\nMUG-1,Mug\nMUG-2,Mug two\n");
            sheets.put("packs.csv", "SKU,Level,Eaches per pack,GTIN\nMUG-1,EACH,1,1234567890128\n"
                    + "MUG-2,EACH,1,12345678901231\n");
            sheets.put("bundles.csv", "Bundle SKU,Kind,Component SKU,Quantity\nSET-A,VIRTUAL,SET-B,1\n"
                    + "SET-B,VIRTUAL,SET-A,2\nSET-C,VIRTUAL,MUG-2,2\n");
            ImportPreview preview = upload(home, "loops.zip", zip(sheets));

            assertThat(preview.firstProblems()).extracting(ImportProblem::sheet, ImportProblem::row,
                    ImportProblem::column).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("Packs", 2L, "GTIN"),
                    org.assertj.core.groups.Tuple.tuple("Bundles", 2L, "Bundle SKU"),
                    org.assertj.core.groups.Tuple.tuple("Bundles", 3L, "Bundle SKU"));
            assertThat(preview.firstProblems()).anySatisfy(problem ->
                    assertThat(problem.reason()).contains("belongs to CANDLE-01"));
            assertThat(preview.items()).containsEntry(ImportChange.INVALID, 1L).containsEntry(ImportChange.NEW, 1L);
            assertThat(preview.bundles()).containsEntry(ImportChange.INVALID, 2L).containsEntry(ImportChange.NEW, 1L);
            workbooks.discard(home, preview.id());
        });
    }

    @Test
    void aFileThatIsNoWorkbookIsRejectedWithAReasonAndKeptOnRecord() {
        AsUser.run(users, "apparel.ops", () -> {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
            ImportPreview preview = upload(apparel, "logo.png", png);
            assertThat(preview.status()).isEqualTo(ImportStatus.REJECTED);
            assertThat(preview.firstProblems()).isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem.sheet()).isEqualTo("File"));
            assertThat(workbooks.recentImports(apparel, 10)).extracting(ImportSummary::fileName).contains("logo.png");
            assertThatThrownBy(() -> workbooks.commit(apparel, preview.id(), CommitMode.VALID_ROWS,
                    ImportProgress.NONE)).isInstanceOf(ImportRefusedException.class);
        });
        assertThat(superuser.sql("SELECT length(content) FROM catalog_import WHERE file_name = 'logo.png'")
                .query(Integer.class).single()).isEqualTo(16);
    }

    @Test
    void leadershipExportsButCannotImport() {
        AsUser.run(users, "apparel.boss", () -> {
            assertThat(workbooks.canImport()).isFalse();
            assertThatThrownBy(() -> upload(apparel, "x.csv", "SKU,Description\nA,B\n".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        });
    }

    /** Items: TEE-1 changed, TEE-2 new, TEE-4 a bad status; packs: TEE-3's barcode has a wrong check digit. */
    private static byte[] firstWorkbook() {
        Map<String, String> sheets = new LinkedHashMap<>();
        sheets.put("items.csv", "SKU,Description,Status\nTEE-1,\"Tee one, now organic\",ACTIVE\nTEE-4,Tee 4,MAYBE\n"
                + "TEE-2,Tee 2,\nTEE-3,Tee 3,ACTIVE\n");
        sheets.put("packs.csv", "SKU,Level,Eaches per pack,GTIN\nTEE-2,EACH,1,416000336108\nTEE-3,EACH,1,416000336109\n");
        sheets.put("aliases.csv", "SKU,Channel identifier,Value\nTEE-2,SHOPIFY_VARIANT_SKU,TEE-2\n");
        sheets.put("bundles.csv", "Bundle SKU,Kind,Component SKU,Quantity\nDUO,VIRTUAL,TEE-1,1\nDUO,VIRTUAL,TEE-2,1\n");
        return zip(sheets);
    }

    private ImportPreview upload(TenantId tenant, String name, byte[] content) {
        try {
            Path file = Files.createTempFile(files, "upload", name);
            Files.write(file, content);
            return workbooks.upload(tenant, file, name, ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String errorFile(TenantId tenant, ImportPreview preview) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbooks.writeErrorFile(tenant, preview.id(), out);
        return new String(out.toByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "");
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
