package com.crossdock.portal.sync;

import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.sandbox.GenerationSummary;
import com.crossdock.portal.channel.sandbox.OrderGeneration;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.channel.sandbox.StoreSummary;
import com.crossdock.portal.identity.SystemActor;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sync engine's reliability run against the Shopify sandbox over real HTTP, shared by
 * {@code SandboxReliabilityIT} (a few hundred orders) and {@code SandboxReliabilityBenchmark} (10,000): a rough
 * tenant's shop creates orders in batches, with 5 % of the webhooks sent twice, updates and a shuffle (an update may
 * come before its order), while {@link AdminApiFaults} makes its shop answer 10 % of the Admin API calls with a 429 or
 * a 500. The order import polls after the webhooks, the sandbox warehouse ships every order (two cartons for two or
 * more SKUs), the fulfillment write-back runs until no shipment is due, and the order import polls once more after
 * the fulfillments changed every order. A quiet tenant's shop gets orders of its own and no faults. The
 * {@link Report} holds what was done, how long each phase took, and each invariant with whether it held.
 */
public final class SandboxReliabilityRun {

    /**
     * How big a run is.
     *
     * @param orders      orders of the rough tenant
     * @param batch       orders per generation call (the sandbox takes up to 500) and per call to the sandbox
     *                    warehouse
     * @param quietOrders orders of the quiet tenant
     * @param seed        the seed of every random choice
     */
    public record Settings(int orders, int batch, int quietOrders, long seed) {
    }

    /** One invariant and whether it held, with what was seen. */
    public record Invariant(String name, boolean holds, String seen) {
    }

    /** What a run did, how long its phases took, and its invariants. */
    public record Report(Map<String, Long> counts, Map<String, Duration> phases, List<Invariant> invariants) {

        public Report {
            counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            phases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases));
            invariants = List.copyOf(invariants);
        }

        /** The invariants that did not hold. */
        public List<Invariant> broken() {
            return invariants.stream().filter(invariant -> !invariant.holds()).toList();
        }

        /** The report as Markdown tables: what was done, the time of each phase, the invariants. */
        public String table() {
            StringBuilder out = new StringBuilder("\n| what | count |\n|---|---|\n");
            counts.forEach((what, count) -> out.append("| ").append(what).append(" | ")
                    .append("%,d".formatted(count)).append(" |\n"));
            out.append("\n| phase | wall time |\n|---|---|\n");
            phases.forEach((phase, time) -> out.append("| ").append(phase).append(" | ")
                    .append("%.1f s".formatted(time.toMillis() / 1000.0)).append(" |\n"));
            out.append("\n| invariant | result | seen |\n|---|---|---|\n");
            invariants.forEach(invariant -> out.append("| ").append(invariant.name()).append(" | ")
                    .append(invariant.holds() ? "PASS" : "**FAIL**").append(" | ").append(invariant.seen())
                    .append(" |\n"));
            return out.toString();
        }
    }

    private static final int FAULT_PERCENT = 10;
    private static final String INSTANCE = "reliability";

    private final TenantService tenants;
    private final CatalogService catalog;
    private final ChannelService channels;
    private final ShopifySandboxService sandbox;
    private final SandboxWarehouse warehouse;
    private final Flows flows;
    private final AdminApiFaults faults;
    private final JdbcClient superuser;
    private final Settings settings;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private Instant firing = Instant.parse("2026-01-01T00:00:00Z");
    private TenantId rough;
    private TenantId quiet;
    private UUID roughStore;
    private UUID quietStore;

    public SandboxReliabilityRun(ApplicationContext context, JdbcClient superuser, Settings settings) {
        this.tenants = context.getBean(TenantService.class);
        this.catalog = context.getBean(CatalogService.class);
        this.channels = context.getBean(ChannelService.class);
        this.sandbox = context.getBean(ShopifySandboxService.class);
        this.warehouse = context.getBean(SandboxWarehouse.class);
        this.flows = context.getBean(Flows.class);
        this.faults = context.getBean(AdminApiFaults.class);
        this.superuser = superuser;
        this.settings = settings;
    }

    /** Runs every phase and checks the invariants; throws only when a phase cannot finish at all. */
    public Report run() {
        phase("set-up: two tenants, catalogs, sandbox connections", this::setUp);
        phase("webhooks: generate orders in batches, wait for the pipeline", this::generate);
        faults.arm(rough, roughStore, FAULT_PERCENT, settings.seed());
        phase("order import poll after the webhooks", () -> poll("polls"));
        phase("sandbox warehouse ships every released order", this::ship);
        phase("fulfillment write-back until no shipment is due", this::writeBack);
        phase("order import poll after the fulfillments", () -> poll("polls after write-back"));
        faults.disarm();
        counts.put("Admin API calls of the rough shop", faults.calls());
        counts.put("faults injected: HTTP 429", faults.rateLimited());
        counts.put("faults injected: HTTP 500", faults.serverErrors());
        List<Invariant> invariants = new ArrayList<>();
        phase("invariants", () -> invariants.addAll(invariants()));
        return new Report(counts, phases, invariants);
    }

    private void setUp() {
        asSystem(() -> {
            rough = tenants.create(new TenantCommand("Rough Apparel", "ROUGH", TenantStatus.ACTIVE, null, null)).id();
            quiet = tenants.create(new TenantCommand("Quiet Home", "QUIET", TenantStatus.ACTIVE, null, null)).id();
            for (int i = 0; i < 12; i++) {
                item(rough, "TEE-" + i, new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-TEE-" + i));
            }
            catalog.saveBundle(rough, null, new BundleDefinition(Sku.of("TEE-DUO"), BundleKind.VIRTUAL,
                    List.of(new BundleDefinition.Component(Sku.of("TEE-0"), 1),
                            new BundleDefinition.Component(Sku.of("TEE-1"), 2))), 0);
            for (int i = 0; i < 3; i++) {
                item(quiet, "MUG-" + i, new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-MUG-" + i));
            }
            roughStore = connect(rough, "rough-apparel");
            quietStore = connect(quiet, "quiet-home");
            return null;
        });
    }

    private void generate() {
        long duplicates = 0;
        long webhooks = 0;
        long updates = 0;
        List<String> problems = new ArrayList<>();
        int batches = 0;
        for (int made = 0; made < settings.orders(); made += settings.batch()) {
            int size = Math.min(settings.batch(), settings.orders() - made);
            long seed = settings.seed() + batches++;
            GenerationSummary summary = asSystem(() -> sandbox.generateOrders(rough, roughStore,
                    OrderGeneration.of(size).withMultiLine(40, 2, 4).withBundles(10).withUpdates(30)
                            .withDuplicates(5).shuffle().withSeed(seed)));
            duplicates += summary.duplicates();
            webhooks += summary.webhooks();
            updates += summary.orders().stream().filter(GenerationSummary.GeneratedOrder::updated).count();
            problems.addAll(summary.problems());
        }
        GenerationSummary quietOnes = asSystem(() -> sandbox.generateOrders(quiet, quietStore,
                OrderGeneration.of(settings.quietOrders()).withSeed(settings.seed())));
        problems.addAll(quietOnes.problems());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("webhooks not answered as expected: " + problems);
        }
        counts.put("orders generated", (long) settings.orders());
        counts.put("generation batches", (long) batches);
        counts.put("webhooks sent", webhooks);
        counts.put("webhooks sent twice", duplicates);
        counts.put("orders updated after creation", updates);
        counts.put("orders of the quiet tenant", (long) quietOnes.ordersCreated());
        awaitInboxProcessed();
    }

    /** Order import runs until one finishes without a failure (each reads everything since its mark). */
    private void poll(String counter) {
        long runs = 0;
        long failed = 0;
        String outcome;
        do {
            outcome = outcome(run(rough, roughStore, Flow.ORDER_IMPORT));
            runs++;
            failed += outcome.equals("OK") ? 0 : 1;
        } while (!outcome.equals("OK") && runs < 20);
        counts.put(counter, runs);
        counts.put(counter + " that failed", failed);
        run(quiet, quietStore, Flow.ORDER_IMPORT);
        awaitInboxProcessed();
    }

    private void ship() {
        long orders = 0;
        long cartons = 0;
        SandboxWarehouse.Shipped shipped;
        do {
            shipped = warehouse.shipReleased(rough, settings.batch());
            orders += shipped.orders();
            cartons += shipped.cartons();
        } while (shipped.orders() > 0);
        counts.put("orders shipped", orders);
        counts.put("shipments (cartons)", cartons);
    }

    private void writeBack() {
        long shipments = count("SELECT count(*) FROM shipment WHERE tenant_id = :t", rough);
        // fifty shipments a run, and a 500 on a fulfillment (outcome unknown) ends a run: bounded, generously
        long bound = shipments / 50 * 3 + shipments / 10 + 20;
        long runs = 0;
        long failed = 0;
        while (due() > 0 && runs < bound) {
            failed += outcome(run(rough, roughStore, Flow.FULFILLMENT_WRITEBACK)).equals("OK") ? 0 : 1;
            runs++;
        }
        counts.put("write-back runs", runs);
        counts.put("write-back runs that failed in part", failed);
        counts.put("fulfillments posted", (long) asSystem(() -> sandbox.storeSummary(rough, roughStore))
                .fulfillments().size());
    }

    private List<Invariant> invariants() {
        List<Invariant> invariants = new ArrayList<>();
        long orders = count("SELECT count(*) FROM sales_order WHERE tenant_id = :t", rough);
        long channelOrders = count("SELECT count(DISTINCT channel_order_id) FROM sales_order WHERE tenant_id = :t",
                rough);
        invariants.add(equal("exactly one canonical order per generated order", settings.orders(), orders,
                "distinct channel orders " + channelOrders));
        invariants.add(equal("inbox fully processed", 0, count("""
                SELECT count(*) FROM channel_inbox WHERE tenant_id = :t AND processed_at IS NULL""", rough), ""));
        long releases = count("SELECT count(*) FROM wms_outbox WHERE tenant_id = :t AND kind = 'ORDER'", rough);
        long notOnce = count("""
                SELECT count(*) FROM sales_order o WHERE o.tenant_id = :t
                AND (SELECT count(*) FROM wms_outbox w WHERE w.order_id = o.id AND w.kind = 'ORDER') <> 1""", rough);
        invariants.add(new Invariant("each order released exactly once", releases == settings.orders() && notOnce == 0,
                releases + " release(s), " + notOnce + " order(s) not released exactly once"));
        invariants.add(equal("every order SHIPPED", settings.orders(), count("""
                SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'SHIPPED'""", rough), ""));
        invariants.add(equal("no shipment left to post or failed", 0, count("""
                SELECT count(*) FROM shipment WHERE tenant_id = :t AND writeback_status <> 'POSTED'""", rough), ""));
        StoreSummary store = asSystem(() -> sandbox.storeSummary(rough, roughStore));
        invariants.add(storeHoldsTheOrders(store));
        invariants.add(everyUnitFulfilledExactlyOnce(store));
        invariants.addAll(fulfillmentsMatchShipments(store));
        invariants.add(quietTenantUntouched());
        return invariants;
    }

    private Invariant storeHoldsTheOrders(StoreSummary store) {
        Set<String> inStore = store.orders().stream().map(StoreSummary.Order::name).collect(Collectors.toSet());
        Set<String> canonical = new HashSet<>(superuser.sql("SELECT order_name FROM sales_order WHERE tenant_id = :t")
                .param("t", rough.value()).query(String.class).list());
        return new Invariant("no order lost: the shop's orders are the canonical ones", inStore.equals(canonical)
                && inStore.size() == settings.orders(), store.orders().size() + " in the shop, " + canonical.size()
                + " canonical");
    }

    private Invariant everyUnitFulfilledExactlyOnce(StoreSummary store) {
        Map<String, Integer> fulfilledUnits = new HashMap<>();
        store.fulfillments().forEach(fulfillment -> fulfilledUnits.merge(fulfillment.orderName(), fulfillment.units(),
                Integer::sum));
        List<String> wrong = new ArrayList<>();
        for (StoreSummary.Order order : store.orders()) {
            int ordered = order.lines().stream().mapToInt(StoreSummary.FulfillmentLine::quantity).sum();
            boolean open = order.lines().stream().anyMatch(line -> line.remaining() != 0);
            if (open || fulfilledUnits.getOrDefault(order.name(), 0) != ordered) {
                wrong.add(order.name() + " (" + fulfilledUnits.getOrDefault(order.name(), 0) + " of " + ordered
                        + " units fulfilled)");
            }
        }
        return new Invariant("in the shop every unit fulfilled exactly once (remaining 0, none over)",
                wrong.isEmpty(), wrong.isEmpty() ? store.orders().size() + " orders" : first(wrong));
    }

    private List<Invariant> fulfillmentsMatchShipments(StoreSummary store) {
        List<String> recorded = superuser.sql("""
                SELECT channel_fulfillment_id FROM shipment WHERE tenant_id = :t AND channel_fulfillment_id <> ''""")
                .param("t", rough.value()).query(String.class).list();
        List<String> ids = recorded.stream().flatMap(value -> Arrays.stream(value.split(" "))).sorted().toList();
        List<String> inStore = store.fulfillments().stream().map(StoreSummary.Fulfillment::id).sorted().toList();
        List<String> shipped = superuser.sql("SELECT tracking_numbers FROM shipment WHERE tenant_id = :t")
                .param("t", rough.value()).query(String.class).list().stream()
                .flatMap(numbers -> Arrays.stream(numbers.split("\n"))).map(String::strip)
                .filter(number -> !number.isEmpty()).sorted().toList();
        List<String> posted = store.fulfillments().stream().flatMap(f -> f.trackingNumbers().stream()).sorted()
                .toList();
        List<String> twice = new ArrayList<>();
        store.fulfillmentsByOrderName().forEach((order, list) -> {
            List<String> numbers = list.stream().flatMap(f -> f.trackingNumbers().stream()).toList();
            if (new HashSet<>(numbers).size() != numbers.size()) {
                twice.add(order + " " + numbers);
            }
        });
        long events = count("SELECT count(*) FROM sales_order_event WHERE tenant_id = :t AND step = 'TRACKING_POSTED'",
                rough);
        return List.of(
                new Invariant("fulfillments in the shop = shipments with a fulfillment id (same ids)",
                        recorded.size() == inStore.size() && ids.equals(inStore),
                        inStore.size() + " in the shop, " + recorded.size() + " shipments with an id"),
                new Invariant("each carton's tracking number posted exactly once", shipped.equals(posted)
                        && twice.isEmpty(), shipped.size() + " shipped, " + posted.size() + " posted"
                        + (twice.isEmpty() ? "" : "; twice on " + first(twice))),
                equal("one TRACKING_POSTED step per posted shipment", recorded.size(), events, ""));
    }

    private Invariant quietTenantUntouched() {
        StoreSummary store = asSystem(() -> sandbox.storeSummary(quiet, quietStore));
        long orders = count("SELECT count(*) FROM sales_order WHERE tenant_id = :t", quiet);
        long released = count("SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'RELEASED'", quiet);
        long shipments = count("SELECT count(*) FROM shipment WHERE tenant_id = :t", quiet);
        boolean holds = orders == settings.quietOrders() && released == orders && shipments == 0
                && store.fulfillments().isEmpty() && store.faultyAnswers() == 0
                && store.orders().size() == settings.quietOrders();
        return new Invariant("the quiet tenant's orders and shop untouched", holds, orders + " orders, " + released
                + " released, " + shipments + " shipments, " + store.fulfillments().size() + " fulfillments, "
                + store.faultyAnswers() + " faults");
    }

    private static Invariant equal(String name, long expected, long actual, String more) {
        return new Invariant(name, expected == actual, actual + " (expected " + expected + ")"
                + (more.isEmpty() ? "" : "; " + more));
    }

    private long due() {
        return count("""
                SELECT count(*) FROM shipment WHERE tenant_id = :t AND writeback_status IN ('PENDING', 'POSTING')""",
                rough);
    }

    /** One firing of a flow; each firing gets its own scheduled time, so none is taken for a repeat. */
    private UUID run(TenantId tenant, UUID connection, Flow flow) {
        firing = firing.plusSeconds(1);
        return flows.run(tenant, connection, flow, new Flows.Firing(firing, INSTANCE, false)).orElseThrow(
                () -> new IllegalStateException(flow + " did not run"));
    }

    private String outcome(UUID run) {
        return superuser.sql("SELECT outcome FROM flow_run WHERE id = :id").param("id", run).query(String.class)
                .single();
    }

    private void awaitInboxProcessed() {
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(250)).until(() -> superuser.sql(
                "SELECT count(*) FROM channel_inbox WHERE processed_at IS NULL").query(Long.class).single() == 0);
    }

    private long count(String sql, TenantId tenant) {
        return superuser.sql(sql).param("t", tenant.value()).query(Long.class).single();
    }

    private void phase(String name, Runnable work) {
        long start = System.nanoTime();
        work.run();
        phases.put(name, Duration.ofNanos(System.nanoTime() - start));
    }

    private void item(TenantId tenant, String sku, AliasLine... aliases) {
        catalog.save(tenant, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.of(aliases)), 0);
    }

    private UUID connect(TenantId tenant, String shop) {
        return channels.connectShopify(tenant, new ShopifyConnectionCommand(shop, shop + ".myshopify.com",
                "2026-07", ChannelMode.SANDBOX, "shpat_" + shop.replace('-', '_') + "_0123456789", "whsec-" + shop))
                .id();
    }

    private static String first(List<String> problems) {
        return problems.size() + ", first: " + problems.getFirst();
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("reliability", work);
    }
}
