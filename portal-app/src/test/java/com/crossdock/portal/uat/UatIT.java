package com.crossdock.portal.uat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.ItemDetails;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.database.DatabaseNotifications;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.ReadinessItem;
import com.crossdock.portal.governance.ShipMethodCommand;
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
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.crossdock.tenantconfig.uat.Expectations;
import com.crossdock.tenantconfig.uat.ScenarioLibrary;
import com.crossdock.tenantconfig.uat.ScenarioStep;
import com.crossdock.tenantconfig.uat.StepKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * UAT end to end on a brand's own configuration: every built-in scenario runs through the real pipeline against
 * the brand's sandbox Shopify store and the sandbox warehouse and passes; a broken configuration (prep removed from
 * the FBA item, the ship-method mapping removed) fails the matching scenario with a reason that says what to fix;
 * the brand admin and the account manager sign a passing run, and a governance change makes the sign-off stale and
 * says what changed. A second tenant without a sandbox store sees none of it, and its own run fails saying what to
 * set up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UatIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, UatIT.class);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired GovernanceService governance;
    @Autowired IdentityService identity;
    @Autowired UserDetailsService users;
    @Autowired UatService uat;
    @Autowired com.crossdock.portal.warehouse.WmsService wms;
    @Autowired javax.sql.DataSource dataSource;

    TenantId apparel;
    TenantId home;
    final Map<String, UUID> passedRuns = new java.util.HashMap<>();

    @BeforeAll
    void twoTenantsOneWithASandboxStoreAndACatalogThatFitsEveryScenario() {
        asSystem(() -> {
            UUID manager = identity.createUser(new NewUser("uat.manager", "Marco Manager", null, "long-password-1",
                    Set.of(Role.ACCOUNT_MANAGER), null)).id();
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, manager, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            identity.createUser(new NewUser("uat.admin", "Bea Admin", null, "long-password-2",
                    Set.of(Role.BRAND_ADMIN), apparel));
            identity.createUser(new NewUser("uat.user", "Ben User", null, "long-password-3",
                    Set.of(Role.BRAND_USER), apparel));
            identity.createUser(new NewUser("home.admin", "Olga Admin", null, "long-password-4",
                    Set.of(Role.BRAND_ADMIN), home));
            for (int i = 0; i < 4; i++) {
                item(apparel, "TEE-" + i, PrepAttributes.none(), new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU,
                        "SHOP-TEE-" + i));
            }
            catalog.saveBundle(apparel, null, new BundleDefinition(Sku.of("TEE-DUO"), BundleKind.VIRTUAL,
                    List.of(new BundleDefinition.Component(Sku.of("TEE-0"), 1),
                            new BundleDefinition.Component(Sku.of("TEE-1"), 2))), 0);
            item(apparel, "CANDLE", new PrepAttributes(PrepCategory.FRAGILE, Set.of(PrepType.ITEM_BUBBLEWRAP,
                    PrepType.ITEM_LABELING), PrepOwner.SELLER, PrepOwner.SELLER),
                    new AliasLine(AliasKind.AMAZON_FNSKU, "X00CANDLE1"));
            governance.saveShipMethod(apparel, new ShipMethodCommand("Express", "UPSN", "01"),
                    governance.matrix(apparel).version());
            channels.connectShopify(apparel, new ShopifyConnectionCommand("Apparel sandbox",
                    "apparel-uat.myshopify.com", "2026-07", ChannelMode.SANDBOX, "shpat_apparel_uat_0123456789",
                    "whsec-apparel-uat"));
            item(home, "MUG", PrepAttributes.none());
            return null;
        });
    }

    @Test
    @Order(1)
    void everyBuiltInScenarioPassesOnTheBrandsOwnConfigurationWithItsPickedItemsAndEvidence() {
        List<UUID> started = AsUser.call(users, "uat.admin", () -> uat.startAll(apparel));
        assertThat(started).hasSize(ScenarioLibrary.templates().size());

        List<RunView> runs = awaitFinished(apparel, started);

        String failures = runs.stream().filter(run -> run.status() != RunStatus.PASSED)
                .map(run -> run.scenarioName() + ": " + run.summary()).collect(Collectors.joining("\n"));
        assertThat(failures).as("every template passes").isEmpty();
        runs.forEach(run -> passedRuns.put(run.scenarioKey(), run.id()));
        RunView bundle = run(apparel, passedRuns.get("virtual-bundle"));
        assertThat(bundle.pickedItems()).singleElement().satisfies(item -> {
            assertThat(item.channelSku()).isEqualTo("TEE-DUO");
            assertThat(item.why()).contains("virtual bundle of TEE-0 × 1, TEE-1 × 2");
        });
        assertThat(bundle.steps().getFirst().evidence()).containsKeys("Webhook body", "Order id")
                .hasEntrySatisfying("Warehouse lines", lines -> assertThat(lines).contains("TEE-1 × 2 (from TEE-DUO)"));
        RunView prep = run(apparel, passedRuns.get("fba-prep"));
        assertThat(prep.pickedItems()).singleElement().satisfies(item -> assertThat(item.why())
                .contains("CANDLE ships to Amazon FBA (FNSKU X00CANDLE1)"));
        RunView override = run(apparel, passedRuns.get("shipping-method-override"));
        assertThat(override.steps().getFirst().evidence().entrySet()).anySatisfy(entry -> {
            assertThat(entry.getKey()).startsWith("Warehouse message ORDER");
            assertThat(entry.getValue()).contains("\"carrierScac\" : \"UPSN\"");
        });
        RunView duplicate = run(apparel, passedRuns.get("duplicate-webhook"));
        assertThat(duplicate.steps()).extracting(StepView::outcome).containsOnly(StepOutcome.PASSED);
        assertThat(run(apparel, passedRuns.get("unknown-sku")).steps().getFirst().evidence())
                .hasEntrySatisfying("Exception", text -> assertThat(text).startsWith("UNKNOWN_SKU"));
        assertThat(AsUser.call(users, "uat.user", () -> uat.status(apparel)).state())
                .isEqualTo(UatStatus.State.PASSED_UNSIGNED);
    }

    @Test
    @Order(2)
    void theBrandAdminAndTheAccountManagerSignAPassingRunAndAChangeOfConfigurationMakesItStale() {
        UUID runId = passedRuns.get("multi-line-order");
        assertThatThrownBy(() -> AsUser.call(users, "uat.user", () -> uat.signOff(apparel, runId,
                SignOffRole.BRAND_ADMIN))).as("a brand user does not sign").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> AsUser.call(users, "uat.admin", () -> uat.signOff(apparel, runId,
                SignOffRole.ACCOUNT_MANAGER))).isInstanceOf(UatValidationException.class)
                .hasMessage("Only a account manager signs as account manager");

        AsUser.call(users, "uat.admin", () -> uat.signOff(apparel, runId, SignOffRole.BRAND_ADMIN));
        assertThat(AsUser.call(users, "uat.admin", () -> uat.status(apparel)).state())
                .as("one signature is not enough").isEqualTo(UatStatus.State.PASSED_UNSIGNED);
        RunView signed = AsUser.call(users, "uat.manager", () -> uat.signOff(apparel, runId,
                SignOffRole.ACCOUNT_MANAGER));

        assertThat(signed.signOffs()).extracting(SignOffView::role, SignOffView::signedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SignOffRole.BRAND_ADMIN, "uat.admin"),
                        org.assertj.core.groups.Tuple.tuple(SignOffRole.ACCOUNT_MANAGER, "uat.manager"));
        assertThat(signed.signOffs()).allSatisfy(s -> assertThat(s.configVersion()).isEqualTo(signed.configVersion()));
        assertThat(AsUser.call(users, "uat.user", () -> uat.signedOff(apparel))).isTrue();
        assertThat(readiness(apparel)).satisfies(item -> {
            assertThat(item.passed()).isTrue();
            assertThat(item.route()).isEqualTo("uat");
            assertThat(item.reason()).contains("Marco Manager (account manager)");
        });
        assertThatThrownBy(() -> AsUser.call(users, "uat.admin", () -> uat.signOff(apparel, runId,
                SignOffRole.BRAND_ADMIN))).hasMessageContaining("signed as brand admin already");
        String report = AsUser.call(users, "uat.user", () -> uat.report(apparel, runId));
        assertThat(report).contains("UAT report: Multi-line order", "Configuration version", "Bea Admin (uat.admin)",
                "Marco Manager (uat.manager)", "SHOP-TEE-0").doesNotContain("STALE");
        assertThat(pdfText(AsUser.call(users, "uat.user", () -> uat.reportPdf(apparel, runId)))).contains(
                "UAT report: Multi-line order", "PASSED", "Bea Admin", "Marco Manager",
                signed.steps().getFirst().title(), signed.steps().getLast().title());
        assertThatThrownBy(() -> AsUser.call(users, "home.admin", () -> uat.reportPdf(apparel, runId)))
                .as("the other brand does not get this brand's report").isInstanceOf(NoSuchTenantException.class);
        assertThatThrownBy(() -> AsUser.call(users, "home.admin", () -> uat.reportPdf(home, runId)))
                .as("nor by asking in its own name").isInstanceOf(UatValidationException.class);

        ScenarioEntry failing = AsUser.call(users, "uat.admin", () -> uat.copyToCustom(apparel,
                "incomplete-address", "Held for the wrong reason"));
        ScenarioStep held = failing.scenario().steps().getFirst();
        List<ScenarioStep> wrongReason = List.of(new ScenarioStep(held.kind(), held.title(), held.mode(),
                held.lines(), held.shippingMethod(), new Expectations(null, "a reason no order is held for", null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null)));
        ScenarioEntry broken = AsUser.call(users, "uat.admin", () -> uat.saveSteps(apparel, failing.key(),
                wrongReason, failing.version()));
        RunView failed = awaitFinished(apparel, List.of(AsUser.call(users, "uat.admin",
                () -> uat.start(apparel, failing.key())))).getFirst();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        UatStatus signedButFailing = AsUser.call(users, "uat.user", () -> uat.status(apparel));
        assertThat(signedButFailing.state()).as("a signed run does not hide a failing scenario")
                .isEqualTo(UatStatus.State.FAILING);
        assertThat(signedButFailing.reason()).contains("\"Multi-line order\" is signed, but 1 scenario(s) failing",
                "\"Held for the wrong reason\"");
        assertThat(signedButFailing.run()).isEqualTo(failed.id());
        assertThat(readiness(apparel)).satisfies(item -> {
            assertThat(item.passed()).isFalse();
            assertThat(item.reason()).contains("Held for the wrong reason");
        });
        assertThat(pdfText(AsUser.call(users, "uat.user", () -> uat.reportPdf(apparel, failed.id()))))
                .contains("Held for the wrong reason", "FAILED", held.title(), "Not signed yet");
        AsUser.call(users, "uat.admin", () -> uat.saveSteps(apparel, failing.key(), List.of(held),
                broken.version()));
        RunView fixed = awaitFinished(apparel, List.of(AsUser.call(users, "uat.admin",
                () -> uat.start(apparel, failing.key())))).getFirst();
        assertThat(fixed.status()).as(fixed.summary()).isEqualTo(RunStatus.PASSED);
        assertThat(readiness(apparel).passed()).as("its latest run passes again").isTrue();

        asSystem(() -> {
            ItemDetails tee = catalog.item(apparel, catalog.search(apparel, "TEE-1", 0, 1).getFirst().id());
            ItemCommand item = tee.item();
            return catalog.save(apparel, tee.id(), new ItemCommand(item.sku(), "Renamed tee", item.status(), false,
                    false, false, false, item.packs(), item.aliases(), item.prep()), tee.version());
        });
        UatStatus catalogChanged = AsUser.call(users, "uat.user", () -> uat.status(apparel));
        assertThat(catalogChanged.state()).as("an item the run used changed").isEqualTo(UatStatus.State.STALE);
        assertThat(catalogChanged.changes()).anySatisfy(change -> assertThat(change)
                .startsWith("Catalog item TEE-1 changed by system:test"));

        AsUser.run(users, "uat.admin", () -> governance.requireMappedShipMethods(apparel, true,
                governance.matrix(apparel).version()));

        UatStatus stale = AsUser.call(users, "uat.user", () -> uat.status(apparel));
        assertThat(stale.state()).isEqualTo(UatStatus.State.STALE);
        assertThat(stale.reason()).contains("Signed at configuration version " + signed.configVersion());
        assertThat(stale.changes()).anySatisfy(change -> assertThat(change).containsIgnoringCase("ship method"));
        assertThat(readiness(apparel).passed()).isFalse();
        assertThat(AsUser.call(users, "uat.user", () -> uat.report(apparel, runId)))
                .contains("STALE", "Signed at configuration version " + signed.configVersion());
        assertThatThrownBy(() -> AsUser.call(users, "uat.manager", () -> uat.signOff(apparel,
                passedRuns.get("split-shipment"), SignOffRole.ACCOUNT_MANAGER)))
                .as("a run of an older configuration is not signed").hasMessageContaining("configuration changed");
    }

    @Test
    @Order(3)
    void aBrokenConfigurationFailsTheMatchingScenarioWithAReasonThatSaysWhatToFix() {
        asSystem(() -> {
            ItemDetails candle = catalog.item(apparel, catalog.search(apparel, "CANDLE", 0, 1).getFirst().id());
            ItemCommand item = candle.item();
            catalog.save(apparel, candle.id(), new ItemCommand(item.sku(), item.description(), item.status(), false,
                    false, false, false, item.packs(), item.aliases(), PrepAttributes.none()), candle.version());
            governance.shipMethods(apparel).forEach(mapping -> governance.removeShipMethod(apparel, mapping.id(),
                    governance.matrix(apparel).version()));
            governance.changeOwner(apparel, com.crossdock.tenantconfig.truth.DataType.AVAILABLE_INVENTORY,
                    com.crossdock.tenantconfig.truth.SystemKind.ERP, governance.matrix(apparel).version());
            return null;
        });
        List<UUID> started = AsUser.call(users, "uat.manager", () -> List.of(uat.start(apparel, "missing-prep"),
                uat.start(apparel, "fba-prep"), uat.start(apparel, "shipping-method-override"),
                uat.start(apparel, "inventory-drift")));

        List<RunView> runs = awaitFinished(apparel, started);

        assertThat(runs).allSatisfy(run -> assertThat(run.status()).isEqualTo(RunStatus.FAILED));
        assertThat(runs.get(0).steps().get(0)).satisfies(step -> {
            assertThat(step.outcome()).isEqualTo(StepOutcome.FAILED);
            assertThat(step.reason()).contains("CANDLE ships to FBA", "Set the FBA prep attributes");
        });
        assertThat(runs.get(0).steps().get(1).outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(runs.get(1).steps().get(0).reason()).contains("needs an FBA-bound item with seller prep",
                "lack complete seller prep", "Catalog: set the FBA prep attributes");
        assertThat(runs.get(2).steps().get(0).reason()).contains("none is mapped", "in Setup");
        assertThat(runs.get(3).steps().get(0).reason()).contains("available inventory is owned by",
                "not the warehouse", "Choose the owner in Setup");
        assertThat(AsUser.call(users, "uat.user", () -> uat.status(apparel)).state())
                .isEqualTo(UatStatus.State.STALE);
        assertThatThrownBy(() -> AsUser.call(users, "uat.admin", () -> uat.signOff(apparel, runs.get(0).id(),
                SignOffRole.BRAND_ADMIN))).hasMessageContaining("Only a passing run is signed");
    }

    @Test
    @Order(4)
    void aCustomScenarioIsCopiedEditedWithValidationAndRun() {
        ScenarioEntry copy = AsUser.call(users, "uat.admin", () -> uat.copyToCustom(apparel, "incomplete-address",
                "Our incomplete address"));
        assertThat(copy.custom()).isTrue();
        assertThat(copy.copiedFrom()).isEqualTo("incomplete-address");
        List<ScenarioStep> broken = new ArrayList<>(copy.scenario().steps());
        broken.addFirst(new ScenarioStep(StepKind.CANCEL, "Cancel first", "BUYER", List.of(), null,
                Expectations.none()));
        assertThatThrownBy(() -> AsUser.call(users, "uat.admin", () -> uat.saveSteps(apparel, copy.key(), broken,
                copy.version()))).isInstanceOfSatisfying(UatValidationException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("kind");
                    assertThat(refused.getMessage()).startsWith("Step 1, field \"kind\": CANCEL acts on an order");
                });
        List<ScenarioStep> edited = new ArrayList<>(copy.scenario().steps());
        edited.add(new ScenarioStep(StepKind.CANCEL, "Buyer cancels the held order", "BUYER", List.of(), null,
                new Expectations("CANCELED", null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null)));
        ScenarioEntry saved = AsUser.call(users, "uat.admin", () -> uat.saveSteps(apparel, copy.key(), edited,
                copy.version()));
        assertThat(saved.scenario().steps()).hasSize(2);

        RunView run = awaitFinished(apparel, List.of(AsUser.call(users, "uat.admin",
                () -> uat.start(apparel, copy.key())))).getFirst();

        assertThat(run.status()).as(run.summary()).isEqualTo(RunStatus.PASSED);
        assertThat(AsUser.call(users, "uat.user", () -> uat.library(apparel)))
                .filteredOn(entry -> entry.key().equals(copy.key())).singleElement().satisfies(entry -> assertThat(entry.lastRun()).isNotNull());
    }

    @Test
    @Order(5)
    void theOtherTenantSeesNoRunsAndItsOwnRunSaysWhatToSetUp() {
        assertThat(AsUser.call(users, "home.admin", () -> uat.runs(home, 100))).isEmpty();
        assertThat(AsUser.call(users, "home.admin", () -> uat.status(home)).state())
                .isEqualTo(UatStatus.State.NOT_RUN);
        assertThat(AsUser.call(users, "home.admin", () -> uat.library(home))).noneMatch(ScenarioEntry::custom);
        UUID apparelRun = passedRuns.get("multi-line-order");
        assertThatThrownBy(() -> AsUser.call(users, "home.admin", () -> uat.run(home, apparelRun)))
                .isInstanceOf(UatValidationException.class);
        assertThatThrownBy(() -> AsUser.call(users, "home.admin", () -> uat.runs(apparel, 10)))
                .as("another brand's runs are not found").isInstanceOf(RuntimeException.class);

        RunView homeRun = awaitFinished(home, List.of(AsUser.call(users, "home.admin",
                () -> uat.start(home, "incomplete-address")))).getFirst();

        assertThat(homeRun.status()).isEqualTo(RunStatus.FAILED);
        assertThat(homeRun.steps().getFirst().reason()).contains("no sandbox Shopify store",
                "connect a Shopify store in sandbox mode in Channels");
        RunView homeStock = awaitFinished(home, List.of(AsUser.call(users, "home.admin",
                () -> uat.start(home, "unknown-sku")))).getFirst();
        assertThat(homeStock.summary()).contains("Step 1 failed");
        assertThat(AsUser.call(users, "uat.user", () -> uat.runs(apparel, 500)))
                .noneMatch(run -> run.id().equals(homeRun.id()));
    }

    @Test
    @Order(6)
    void aBrandWithASandboxWarehouseAccountGetsItsOrdersThereAs940sAndTheSimulatorShipsThem() {
        TenantId wmsBrand = asSystem(() -> {
            TenantId brand = tenants.create(new TenantCommand("Edi Brand", "EDI", TenantStatus.ACTIVE, null, null))
                    .id();
            item(brand, "CAP-RED", PrepAttributes.none(), new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-CAP-R"));
            item(brand, "CAP-BLUE", PrepAttributes.none(), new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-CAP-B"));
            channels.connectShopify(brand, new ShopifyConnectionCommand("Edi sandbox", "edi-uat.myshopify.com",
                    "2026-07", ChannelMode.SANDBOX, "shpat_edi_uat_0123456789ab", "whsec-edi-uat"));
            UUID warehouse = wms.connectSandbox("UAT DC").id();
            wms.assignAccount(brand, warehouse, "EDIBRAND");
            return brand;
        });

        RunView run = awaitFinished(wmsBrand, List.of(asSystem(() -> uat.start(wmsBrand, "split-shipment"))))
                .getFirst();

        assertThat(run.status()).as(run.summary()).isEqualTo(RunStatus.PASSED);
        assertThat(run.steps().get(1).evidence()).containsKey("Sandbox warehouse")
                .anySatisfy((name, text) -> {
                    assertThat(name).startsWith("X12 OUTBOUND 940");
                    assertThat(text).contains("W05");
                });
        assertThat(asSystem(() -> uat.runs(apparel, 500))).noneMatch(other -> other.id().equals(run.id()));
    }

    @Test
    @Order(7)
    void aRunsProgressWakesTheWatchersOfEveryInstanceButOnlyThoseOfItsOwnTenant() throws Exception {
        DatabaseNotifications secondInstance = new DatabaseNotifications(dataSource);
        UatUpdates second = new UatUpdates(secondInstance);
        java.util.concurrent.atomic.AtomicBoolean listening = new java.util.concurrent.atomic.AtomicBoolean();
        secondInstance.subscribe("crossdock_test_probe", heard -> listening.compareAndSet(false, !heard.isEmpty()));
        secondInstance.start();
        List<UUID> apparelHere = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<UUID> apparelThere = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<UUID> homeHere = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<UUID> homeThere = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Runnable> watches = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                secondInstance.send("crossdock_test_probe", "ready?");
                return listening.get();
            });
            watches.add(AsUser.call(users, "uat.user", () -> uat.listen(apparel, apparelHere::add)));
            watches.add(second.watch(apparel, apparelThere::add));
            watches.add(AsUser.call(users, "home.admin", () -> uat.listen(home, homeHere::add)));
            watches.add(second.watch(home, homeThere::add));

            UUID apparelRun = AsUser.call(users, "uat.admin", () -> uat.start(apparel, "incomplete-address"));
            awaitFinished(apparel, List.of(apparelRun));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(apparelHere).as("this instance").contains(apparelRun).hasSizeGreaterThanOrEqualTo(2);
                assertThat(apparelThere).as("the other instance").contains(apparelRun)
                        .hasSizeGreaterThanOrEqualTo(2);
            });
            assertThat(homeHere).as("the other brand's watchers are not woken").isEmpty();
            assertThat(homeThere).as("the other brand's watchers are not woken").isEmpty();

            UUID homeRun = AsUser.call(users, "home.admin", () -> uat.start(home, "unknown-sku"));
            awaitFinished(home, List.of(homeRun));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(homeHere).contains(homeRun);
                assertThat(homeThere).contains(homeRun);
            });
            assertThat(apparelHere).doesNotContain(homeRun);
            assertThat(apparelThere).doesNotContain(homeRun);
        } finally {
            watches.forEach(Runnable::run);
            secondInstance.stop();
        }
    }

    private List<RunView> awaitFinished(TenantId tenant, List<UUID> runIds) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(300)).until(() -> runIds.stream()
                .allMatch(id -> run(tenant, id).status().finished()));
        return runIds.stream().map(id -> run(tenant, id)).toList();
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RunView run(TenantId tenant, UUID runId) {
        return asSystem(() -> uat.run(tenant, runId));
    }

    private ReadinessItem readiness(TenantId tenant) {
        return asSystem(() -> governance.readiness(tenant)).stream().filter(item -> item.id().equals("uat"))
                .findFirst().orElseThrow();
    }

    private void item(TenantId tenant, String sku, PrepAttributes prep, AliasLine... aliases) {
        catalog.save(tenant, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.of(aliases), prep), 0);
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
