package com.crossdock.portal.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.shopify.ShopifyWebhookSignature;
import com.crossdock.portal.identity.IdentityService;
import com.crossdock.portal.identity.NewUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.AsUser;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.sync.OrderPipeline;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.tenancy.NoSuchTenantException;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.tenantconfig.onboarding.OnboardingStage;
import org.mockito.Mockito;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sync health against a real database, SMTP server (GreenMail) and webhook receiver (WireMock), with two tenants:
 * the rollups follow the facts as the pipeline and flows write them, each brand's dashboard, the portfolio and the
 * leadership view show only what the reader may see, and alerts arrive by e-mail and signed webhook once per
 * breach, kept quiet within a rule's quiet period. The other tenant's data never shows.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthIT {

    static final GreenMail MAIL = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, HealthIT.class);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("crossdock.health.allow-private-webhooks", () -> "true");
        // the test evaluates alerts itself; the job must not race it
        registry.add("crossdock.health.alert-interval", () -> "1d");
    }

    /** The real service, but Apparel is in hypercare (nothing in the portal computes a go-live yet). */
    @MockitoSpyBean(reset = MockReset.NONE) TenantService tenants;
    @Autowired IdentityService identity;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired OrderPipeline pipeline;
    @Autowired SyncService sync;
    @Autowired HealthService health;
    @Autowired UserDetailsService users;

    final JdbcClient superuser = TestDatabases.superuser(HealthIT.class);
    final WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    TenantId apparel;
    TenantId home;
    UUID apparelStore;
    UUID homeStore;

    @BeforeAll
    void twoTenantsWithOrdersFlowRunsAndAnException() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hooks/crossdock")).willReturn(aResponse().withStatus(204)));
        SystemActor.call("test", () -> {
            UUID manager = identity.createUser(new NewUser("health.am", "Apparel AM", null, "long-password-0",
                    Set.of(Role.ACCOUNT_MANAGER), null)).id();
            apparel = tenants.create(new TenantCommand("Apparel Co", "APP", TenantStatus.ACTIVE, manager, null)).id();
            home = tenants.create(new TenantCommand("Home Co", "HOME", TenantStatus.ACTIVE, null, null)).id();
            identity.createUser(new NewUser("apparel.user", "A", null, "long-password-1", Set.of(Role.BRAND_USER),
                    apparel));
            identity.createUser(new NewUser("home.leader", "H", null, "long-password-2",
                    Set.of(Role.LEADERSHIP_VIEWER), home));
            identity.createUser(new NewUser("threepl.leader", "L", null, "long-password-3",
                    Set.of(Role.LEADERSHIP_VIEWER), null));
            apparelStore = storeWithOrders(apparel, 2, 1);
            homeStore = storeWithOrders(home, 1, 0);
            return null;
        });
        runs(apparel, apparelStore, "OK", 3, Instant.now());
        runs(apparel, apparelStore, "FAILED", 1, Instant.now());
        runs(home, homeStore, "OK", 5, Instant.now());
        // stubbed through the service's proxy (as the system actor, since the proxy checks who calls)
        SystemActor.call("test", () -> Mockito.doAnswer(call -> ((List<?>) call.callRealMethod()).stream()
                .map(TenantSummary.class::cast).map(tenant -> !tenant.id().equals(apparel) ? tenant
                        : new TenantSummary(tenant.id(), tenant.name(), tenant.code(), tenant.status(),
                                tenant.accountManagerId(), tenant.accountManagerName(), OnboardingStage.HYPERCARE,
                                tenant.provisioning())).toList()).when(tenants).visibleTenants());
    }

    @AfterAll
    void stopServers() {
        receiver.stop();
        MAIL.stop();
    }

    /** A store with {@code released} orders of a catalog SKU and {@code unknown} orders held for an unknown SKU. */
    private UUID storeWithOrders(TenantId tenant, int released, int unknown) {
        catalog.save(tenant, null, new ItemCommand("SKU-1", "Item", ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                List.of(new AliasLine(AliasKind.WALMART_SKU, "W-1"))), 0);
        String secret = "secret-" + tenant;
        UUID connection = channels.connectShopify(tenant, new ShopifyConnectionCommand("Store " + tenant.value()
                .toString().substring(0, 4), "s-" + tenant.value().toString().substring(0, 8) + ".myshopify.com",
                "2026-07", ChannelMode.SANDBOX, "shpat_0123456789abcdef", secret)).id();
        for (int i = 1; i <= released + unknown; i++) {
            order(tenant, connection, secret, i, i <= released ? "SKU-1" : "NOT-IN-CATALOG-" + i);
        }
        return connection;
    }

    private void order(TenantId tenant, UUID connection, String secret, int id, String sku) {
        String body = """
                {"id": %d, "name": "#%d", "created_at": "2026-11-27T10:00:00Z", "updated_at": "2026-11-27T10:00:00Z",
                 "currency": "USD", "financial_status": "paid",
                 "shipping_address": {"name": "A B", "address1": "1 Main St", "city": "Louisville",
                                      "province_code": "KY", "zip": "40202", "country_code": "US"},
                 "line_items": [{"id": %d1, "sku": "%s", "variant_id": 5, "title": "Item", "quantity": 1,
                                 "fulfillable_quantity": 1}]}""".formatted(id, id, id, sku);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var outcome = pipeline.receiveShopifyWebhook(tenant, connection, "orders/create", "w-" + id,
                ShopifyWebhookSignature.sign(bytes, secret), "", bytes, "127.0.0.1");
        pipeline.process(tenant, Objects.requireNonNull(outcome.inboxId()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> superuser.sql("""
                SELECT count(*) FROM channel_inbox WHERE id = :id AND processed_at IS NOT NULL""")
                .param("id", outcome.inboxId()).query(Long.class).single() == 1);
    }

    /** Flow runs as the flows record them: claimed RUNNING, then finished with an outcome. */
    private void runs(TenantId tenant, UUID connection, String outcome, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            UUID run = UUID.randomUUID();
            superuser.sql("""
                    INSERT INTO flow_run (tenant_id, id, connection_id, flow, started_at, records_in, records_out,
                                          records_failed, outcome)
                    VALUES (:t, :id, :c, 'ORDER_IMPORT', :at, 0, 0, 0, 'RUNNING')""").param("t", tenant.value())
                    .param("id", run).param("c", connection).param("at", java.sql.Timestamp.from(at)).update();
            superuser.sql("""
                    UPDATE flow_run SET outcome = :outcome, finished_at = :at, records_in = 10, records_out = 10,
                                        lag_ms = 120000
                    WHERE id = :id""").param("outcome", outcome).param("id", run)
                    .param("at", java.sql.Timestamp.from(at)).update();
        }
    }

    @Test
    @Order(1)
    void rollupsCountRunsOnceWhenFinishedAndEveryJourneyStepAndExceptionPerTenant() {
        for (String grain : List.of("minute", "hour", "day")) {
            Map<String, Object> apparelRow = superuser.sql("""
                    SELECT sum(runs) AS runs, sum(runs_failed) AS failed, sum(records_out) AS out,
                           max(lag_ms_max) AS lag, sum(orders_received) AS received, sum(orders_released) AS released,
                           sum(orders_held) AS held, sum(exceptions_opened) AS opened
                    FROM health_rollup_%s WHERE tenant_id = :t""".formatted(grain)).param("t", apparel.value())
                    .query().singleRow();
            assertThat(apparelRow).as(grain).containsEntry("runs", 4L).containsEntry("failed", 1L)
                    .containsEntry("out", java.math.BigDecimal.valueOf(40)).containsEntry("lag", 120000L)
                    .containsEntry("received", 3L).containsEntry("released", 2L).containsEntry("held", 1L)
                    .containsEntry("opened", 1L);
            assertThat(superuser.sql("SELECT sum(runs) FROM health_rollup_" + grain + " WHERE tenant_id = :t")
                    .param("t", home.value()).query(Long.class).single()).isEqualTo(5L);
        }
    }

    @Test
    @Order(2)
    void aBrandsDashboardShowsItsOwnFlowsOrdersAndExceptionsAndNeverAnotherTenants() {
        BrandDashboard dashboard = as("apparel.user", () -> health.brandDashboard(apparel));
        BrandDashboard.FlowHealth orderImport = dashboard.flows().stream()
                .filter(flow -> flow.flow().equals("ORDER_IMPORT")).findFirst().orElseThrow();
        assertThat(orderImport.connectionId()).isEqualTo(apparelStore);
        assertThat(orderImport.throughput()).isEqualTo(40);
        assertThat(orderImport.errorRate()).isEqualTo(25.0);
        assertThat(orderImport.lagMinutes()).isEqualTo(2);
        assertThat(orderImport.lastSuccess()).isNotNull();
        assertThat(orderImport.colour()).isEqualTo(HealthColour.RED);
        assertThat(dashboard.flows()).extracting(BrandDashboard.FlowHealth::connectionId).containsOnly(apparelStore);
        BrandDashboard.Day today = dashboard.days().getLast();
        assertThat(today.day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(today.received()).isEqualTo(3);
        assertThat(today.released()).isEqualTo(2);
        assertThat(dashboard.days()).hasSize(14);
        assertThat(dashboard.byReason()).containsExactly(new BrandDashboard.Count("UNKNOWN_SKU", 1));
        assertThat(dashboard.byOwner()).as("an unknown SKU is for the owner of master data, Crossdock: the 3PL")
                .containsExactly(new BrandDashboard.Count("3PL", 1));
        assertThat(dashboard.byAge().getFirst()).isEqualTo(new BrandDashboard.Count("Under 1 hour", 1));

        assertThatThrownBy(() -> as("apparel.user", () -> health.brandDashboard(home)))
                .isInstanceOf(NoSuchTenantException.class);
    }

    @Test
    @Order(3)
    void theAccountManagerSeesOnlyAssignedTenantsWithStageHealthAndOpenExceptions() {
        List<PortfolioRow> rows = as("health.am", () -> health.portfolio());
        assertThat(rows).extracting(PortfolioRow::tenant).containsExactly(apparel);
        PortfolioRow row = rows.getFirst();
        assertThat(row.runs()).isEqualTo(4);
        assertThat(row.failedRuns()).as("a failed run and a new exception").isEqualTo(2);
        assertThat(row.openExceptions()).isEqualTo(1);
        assertThat(row.openByOwner()).containsEntry("3PL", 1L);
        assertThat(row.breaches()).isZero();
        assertThat(row.stage()).isNotNull();
        assertThat(row.colour()).isEqualTo(HealthColour.RED);
    }

    @Test
    @Order(4)
    void theThreePlLeaderSeesEveryTenantAndABrandLeaderOnlyTheirOwn() {
        Leadership all = as("threepl.leader", () -> health.leadership(7));
        assertThat(all.tenants()).extracting(Leadership.TenantRow::tenant).contains(apparel, home);
        int orderImport = all.flows().indexOf("ORDER_IMPORT");
        Leadership.Cell apparelCell = all.tenants().stream().filter(row -> row.tenant().equals(apparel))
                .findFirst().orElseThrow().cells().get(orderImport);
        assertThat(apparelCell.runs()).isEqualTo(4);
        assertThat(apparelCell.failedRuns()).isEqualTo(1);
        assertThat(all.trend()).hasSize(7);
        assertThat(all.trend().getLast().runs()).isEqualTo(9);
        assertThat(all.patterns()).extracting(Leadership.Pattern::reason).contains("UNKNOWN_SKU");

        Leadership own = as("home.leader", () -> health.leadership(30));
        assertThat(own.tenants()).extracting(Leadership.TenantRow::tenant).containsExactly(home);
        assertThat(own.trend().getLast().runs()).as("the other tenant's runs are not counted").isEqualTo(5);
        assertThat(own.patterns()).as("apparel's exception is not home's pattern").isEmpty();

        assertThatThrownBy(() -> as("apparel.user", () -> health.leadership(7)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    @Order(5)
    void anAlertRuleNeedsAThresholdInRangeAndSomewhereToSendTo() {
        assertThatThrownBy(() -> as("apparel.user", () -> health.addAlertRule(apparel, new AlertRuleCommand(
                AlertKind.ERROR_RATE, 150, " ", "ftp://x", 10))))
                .isInstanceOfSatisfying(HealthValidationException.class, refused -> assertThat(refused.fieldErrors())
                        .containsKeys("threshold", "webhookUrl"));
        assertThatThrownBy(() -> as("apparel.user", () -> health.addAlertRule(apparel, new AlertRuleCommand(
                AlertKind.LAG, 30, null, null, 10))))
                .isInstanceOfSatisfying(HealthValidationException.class, refused -> assertThat(refused.fieldErrors())
                        .containsKey("email"));
        assertThat(as("apparel.user", () -> health.alertRules(apparel))).isEmpty();
    }

    @Test
    @Order(6)
    void anErrorRateAlertArrivesByMailAndSignedWebhookOnceThoughItIsSeenAgain() throws Exception {
        assertThat(as("apparel.user", () -> health.alertSigningKey(apparel))).isEmpty();
        String replaced = as("apparel.user", () -> health.newAlertSigningKey(apparel)).secret();
        NewAlertSigningKey key = as("apparel.user", () -> health.newAlertSigningKey(apparel));
        String homeSecret = SystemActor.call("test", () -> health.newAlertSigningKey(home)).secret();
        assertThat(key.secret()).startsWith("alsec_").isNotEqualTo(replaced).isNotEqualTo(homeSecret);
        assertThat(key.toString()).doesNotContain(key.secret());
        assertThat(as("apparel.user", () -> health.alertSigningKey(apparel))).hasValueSatisfying(shown ->
                assertThat(shown.hint()).isEqualTo(key.key().hint()).isNotEqualTo(key.secret()));
        assertThat(superuser.sql("SELECT position(convert_to(:s, 'UTF8') IN secret) FROM alert_webhook_key WHERE "
                + "tenant_id = :t").param("s", key.secret()).param("t", apparel.value()).query(Integer.class)
                .single()).as("kept sealed").isZero();
        assertThatThrownBy(() -> as("apparel.user", () -> health.newAlertSigningKey(home)))
                .isInstanceOf(NoSuchTenantException.class);
        assertThatThrownBy(() -> as("home.leader", () -> health.newAlertSigningKey(home)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        as("apparel.user", () -> health.addAlertRule(apparel, new AlertRuleCommand(AlertKind.ERROR_RATE, 10,
                "ops@apparel.example", receiver.baseUrl() + "/hooks/crossdock", 60)));
        assertThat(SystemActor.call("test", () -> health.evaluateAlerts(apparel))).isEqualTo(1);
        assertThat(SystemActor.call("test", () -> health.evaluateAlerts(home))).as("home has no rules").isZero();

        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@apparel.example");
        assertThat(mail.getSubject()).startsWith("[Crossdock] Apparel Co: Error rate on");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("1 of 4 runs");

        List<LoggedRequest> posts = receiver.findAll(postRequestedFor(urlEqualTo("/hooks/crossdock")));
        assertThat(posts).hasSize(1);
        LoggedRequest hook = posts.getFirst();
        String timestamp = hook.getHeader("X-Crossdock-Timestamp");
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(60);
        String signature = hook.getHeader("X-Crossdock-Signature");
        assertThat(signature).as("signed with the tenant's current key")
                .isEqualTo("v1=" + hmac(key.secret(), timestamp + "." + hook.getBodyAsString()))
                .isNotEqualTo("v1=" + hmac(replaced, timestamp + "." + hook.getBodyAsString()))
                .isNotEqualTo("v1=" + hmac(homeSecret, timestamp + "." + hook.getBodyAsString()));
        assertThat(hook.getBodyAsString()).contains("\"kind\":\"ERROR_RATE\"").contains("\"code\":\"APP\"")
                .doesNotContain("NOT-IN-CATALOG");

        assertThat(SystemActor.call("test", () -> health.evaluateAlerts(apparel))).as("the same breach again")
                .isZero();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hooks/crossdock")))).hasSize(1);
        List<AlertView> history = as("apparel.user", () -> health.alertHistory(apparel));
        assertThat(history).singleElement().satisfies(alert -> {
            assertThat(alert.delivery()).isEqualTo("SENT");
            assertThat(alert.occurrences()).isEqualTo(2);
            assertThat(alert.emailResult()).isEqualTo("Sent to ops@apparel.example");
            assertThat(alert.webhookResult()).isEqualTo("Delivered (HTTP 204)");
            assertThat(alert.clearedAt()).isNull();
        });
        assertThat(as("apparel.user", () -> health.alertHistory(apparel))).isNotEmpty();
        assertThat(SystemActor.call("test", () -> health.alertHistory(home))).isEmpty();
    }

    @Test
    @Order(7)
    void aBreachThatClearsAndComesBackWithinTheQuietPeriodIsRecordedButNotSent() {
        UUID rule = as("apparel.user", () -> health.addAlertRule(apparel, new AlertRuleCommand(
                AlertKind.EXCEPTION_AGE, 0, "ops@apparel.example", null, 60))).id();
        int mailsBefore = MAIL.getReceivedMessages().length;
        SystemActor.call("test", () -> health.evaluateAlerts(apparel));
        assertThat(MAIL.getReceivedMessages()).hasSize(mailsBefore + 1);

        UUID exception = SystemActor.call("test", () -> sync.openExceptions(apparel)).getFirst().id();
        SystemActor.call("test", () -> sync.resolveException(apparel, exception, "Alias added"));
        SystemActor.call("test", () -> health.evaluateAlerts(apparel));
        assertThat(ofRule(rule)).singleElement().satisfies(alert -> assertThat(alert.clearedAt()).isNotNull());

        SystemActor.call("test", () -> {
            order(apparel, apparelStore, "secret-" + apparel, 9, "ANOTHER-UNKNOWN");
            return null;
        });
        SystemActor.call("test", () -> health.evaluateAlerts(apparel));
        assertThat(MAIL.getReceivedMessages()).as("within the quiet period").hasSize(mailsBefore + 1);
        assertThat(ofRule(rule)).extracting(AlertView::delivery).containsExactly("QUIET", "SENT");
    }

    @Test
    @Order(8)
    void retentionDeletesOldRawEventsAndKeepsTheirRollups() {
        Instant old = Instant.now().minus(Duration.ofDays(200));
        runs(home, homeStore, "OK", 2, old);
        LocalDate oldDay = LocalDate.ofInstant(old, ZoneOffset.UTC);
        assertThat(health.applyRetention()).isGreaterThanOrEqualTo(2);
        assertThat(superuser.sql("SELECT count(*) FROM flow_run WHERE tenant_id = :t AND started_at < now() - "
                + "interval '100 days'").param("t", home.value()).query(Long.class).single()).isZero();
        assertThat(superuser.sql("SELECT count(*) FROM health_rollup_hour WHERE bucket < now() - interval '150 days'")
                .query(Long.class).single()).isZero();
        assertThat(superuser.sql("SELECT runs FROM health_rollup_day WHERE tenant_id = :t AND bucket = :day")
                .param("t", home.value()).param("day", java.sql.Timestamp.from(oldDay.atStartOfDay(ZoneOffset.UTC)
                        .toInstant())).query(Long.class).single()).isEqualTo(2L);
        assertThat(superuser.sql("SELECT count(*) FROM flow_run WHERE tenant_id = :t").param("t", home.value())
                .query(Long.class).single()).as("recent runs stay").isEqualTo(5L);
    }

    @Test
    @Order(9)
    void theHypercareReviewComparesExpectedWithWhatHappenedAsCsvAndByMail() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(as("threepl.leader", () -> health.hypercareTenants())).as("only tenants in go-live or hypercare")
                .extracting(TenantSummary::id).containsExactly(apparel);
        assertThat(as("home.leader", () -> health.hypercareTenants())).isEmpty();
        assertThatThrownBy(() -> as("home.leader", () -> health.hypercare(home, today)))
                .isInstanceOfSatisfying(HealthValidationException.class, refused -> assertThat(refused.fieldErrors()
                        .get("tenant")).contains("limited go-live or hypercare"));
        assertThatThrownBy(() -> as("home.leader", () -> health.hypercareCsv(home, today)))
                .isInstanceOf(HealthValidationException.class);
        HypercareReview review = as("apparel.user", () -> health.hypercare(apparel, today));
        assertThat(review.lines().getFirst()).satisfies(line -> {
            assertThat(line.expected()).isEqualTo(4);
            assertThat(line.actual()).isEqualTo(2);
            assertThat(line.needsLook()).isTrue();
        });
        assertThat(review.lines()).filteredOn(line -> line.check().startsWith("Manual touches")).singleElement()
                .satisfies(line -> assertThat(line.actual()).as("resolved by the test's system actor").isZero());
        String csv = as("apparel.user", () -> health.hypercareCsv(apparel, today));
        assertThat(csv).startsWith("tenant,day,check,expected,actual,needs_look,note\r\n")
                .contains("\"Apparel Co\"," + today + ",\"Orders released to the warehouse");
        assertThatThrownBy(() -> as("apparel.user", () -> health.hypercareCsv(home, today)))
                .isInstanceOf(NoSuchTenantException.class);

        int mailsBefore = MAIL.getReceivedMessages().length;
        assertThat(as("apparel.user", () -> health.emailHypercare(apparel, today, "lead@apparel.example")))
                .isEqualTo("Sent to lead@apparel.example");
        assertThat(MAIL.getReceivedMessages()).hasSize(mailsBefore + 1);
        MimeMessage mail = MAIL.getReceivedMessages()[mailsBefore];
        assertThat(mail.getSubject()).isEqualTo("[Crossdock] Hypercare review Apparel Co " + today);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("hypercare-" + today + ".csv")
                .contains("LOOK  Orders released to the warehouse");
        assertThatThrownBy(() -> as("apparel.user", () -> health.emailHypercare(apparel, today, "not-an-address")))
                .isInstanceOf(HealthValidationException.class);
    }

    @Test
    @Order(10)
    void aLiveDashboardHearsOfItsTenantsNewRollupsFromTheDatabaseAndNeverOfAnothers() throws Exception {
        java.util.concurrent.atomic.AtomicInteger apparelHeard = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger portfolioHeard = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> as("apparel.user", () -> health.watch(home, () -> { })))
                .isInstanceOf(NoSuchTenantException.class);
        try (AutoCloseable dashboard = as("apparel.user", () -> health.watch(apparel, apparelHeard::incrementAndGet));
                AutoCloseable portfolio = as("health.am", () -> health.watchPortfolio(
                        portfolioHeard::incrementAndGet))) {
            runs(apparel, apparelStore, "OK", 1, Instant.now());
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> apparelHeard.get() > 0 && portfolioHeard.get() > 0);
        }
        int heard = apparelHeard.get();
        runs(apparel, apparelStore, "OK", 1, Instant.now());
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> apparelHeard.get() == heard);
    }

    private List<AlertView> ofRule(UUID rule) {
        return SystemActor.call("test", () -> health.alertHistory(apparel)).stream()
                .filter(alert -> alert.ruleId().equals(rule)).toList();
    }

    private <T> T as(String username, Supplier<T> work) {
        return AsUser.call(users, username, work);
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
