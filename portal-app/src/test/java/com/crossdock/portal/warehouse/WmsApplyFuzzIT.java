package com.crossdock.portal.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ShopifyConnectionCommand;
import com.crossdock.portal.channel.sandbox.OrderGeneration;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.warehouse.sftp.SandboxSftpServer;
import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fuzzes the whole inbound path, not just the reader: real documents the sandbox warehouse sent (997, 945 with
 * cartons, 846) and a 947 are mutated (jqwik generates the mutations: values made negative, fractional, huge or
 * empty, segments dropped or repeated, bytes flipped, files cut short), dropped on the SFTP server and taken by a real
 * exchange. Whatever arrives, the exchange never throws, every file is kept, a quarantined file changes nothing, no
 * order ever counts more units shipped than ordered, stock is never negative, and the other tenant at the same
 * warehouse sees nothing change. A failing case prints its mutation, which reproduces it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WmsApplyFuzzIT {

    static final Path SANDBOX_ROOT = Path.of("target", "wms-fuzz-" + UUID.randomUUID()).toAbsolutePath();
    static final int CASES = 150;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, WmsApplyFuzzIT.class);
        registry.add("crossdock.wms-sandbox.root", SANDBOX_ROOT::toString);
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ChannelService channels;
    @Autowired ShopifySandboxService shopify;
    @Autowired WmsService wms;
    @Autowired WmsExchange exchange;
    @Autowired SandboxSftpServer sftp;

    final JdbcClient superuser = TestDatabases.superuser(WmsApplyFuzzIT.class);
    TenantId apparel;
    TenantId home;
    UUID warehouse;
    List<String> seeds = new ArrayList<>();

    /** What a mutation does to one segment (or to the bytes, for the last three). */
    enum Mutation {
        NEGATIVE, FRACTION, HUGE, EMPTY, UNKNOWN_ID, DROP_SEGMENT, REPEAT_SEGMENT, FLIP_BYTE, TRUNCATE, SWAP_DELIMITER
    }

    record Case(int seed, Mutation mutation, int segment, int element, int value) {
    }

    @BeforeAll
    void aWarehouseThatShippedAnOrderAndReportedStock() throws IOException {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (String sku : List.of("TEE-RED", "TEE-BLUE", "TEE-GREEN")) {
                catalog.save(apparel, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                        List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.of(new AliasLine(AliasKind.SHOPIFY_VARIANT_SKU, "SHOP-" + sku))), 0);
            }
            UUID store = channels.connectShopify(apparel, new ShopifyConnectionCommand("Apparel",
                    "apparel-fuzz.myshopify.com", "2026-07", ChannelMode.SANDBOX, "shpat_apparel_fuzz_0123456789",
                    "whsec-apparel")).id();
            warehouse = wms.connectSandbox("Fuzz DC").id();
            wms.assignAccount(apparel, warehouse, "APPAREL");
            wms.assignAccount(home, warehouse, "HOME");
            shopify.generateOrders(apparel, store, OrderGeneration.of(2).withMultiLine(100, 3, 3).withSeed(11));
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> superuser.sql("""
                SELECT count(*) FROM sales_order WHERE tenant_id = :t AND status = 'RELEASED'""")
                .param("t", apparel.value()).query(Long.class).single() == 2);
        exchange.exchange(warehouse);
        exchange.sandboxStockSnapshot(warehouse, "APPAREL", Map.of("TEE-RED", new int[] {12, 10},
                "TEE-BLUE", new int[] {3, 0}));
        exchange.exchange(warehouse);
        try (var archived = Files.list(root().resolve("archive"))) {
            archived.filter(Files::isRegularFile).map(WmsApplyFuzzIT::read).filter(text -> text.contains("ST*"))
                    .forEach(seeds::add);
        }
        seeds.add("ISA*00*          *00*          *ZZ*SANDBOXWMS     *ZZ*CROSSDOCK      *261127*1200*U*00401*"
                + "000000500*0*T*>~GS*AW*SANDBOXWMS*CROSSDOCK*20261127*1200*500*X*004010~ST*947*0001~"
                + "W15*20261127*ADJ-FUZZ~N1*DE*APPAREL*91*APPAREL~W19*01*-2*EA**VN*TEE-RED~W19*55*3*EA**VN*TEE-BLUE~"
                + "SE*6*0001~GE*1*500~IEA*1*000000500~");
        assertThat(seeds).as("the warehouse's 997, 945 and 846, and a 947").hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(text -> text.contains("ST*945")).anyMatch(text -> text.contains("ST*846"));
    }

    @Test
    void whateverTheWarehouseSendsNothingEscapesNothingIsLostAndNothingIsHalfWritten() throws IOException {
        Arbitrary<Case> cases = Combinators.combine(Arbitraries.integers().between(0, seeds.size() - 1),
                Arbitraries.of(Mutation.class), Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 1_000_000)).as(Case::new);
        String otherTenant = state(home);
        List<Case> generated = cases.sampleStream().limit(CASES).toList();
        int quarantined = 0;
        int changed = 0;
        for (int i = 0; i < generated.size(); i++) {
            Case c = generated.get(i);
            String name = "fuzz-" + i + ".edi";
            byte[] mutated = mutate(seeds.get(c.seed()), c);
            String before = state(apparel);
            String stockBefore = stock(apparel);
            String shippedBefore = shipped(apparel);
            Files.write(root().resolve("from-wms").resolve(name), mutated);

            assertThatCode(() -> exchange.exchange(warehouse)).as("%s", c).doesNotThrowAnyException();

            String status = superuser.sql("SELECT status FROM wms_file WHERE name = :name AND direction = 'INBOUND'")
                    .param("name", name).query(String.class).optional().orElse("NOT KEPT");
            assertThat(status).as("%s is kept, applied or quarantined", c).isIn("APPLIED", "QUARANTINED");
            if (status.equals("QUARANTINED")) {
                quarantined++;
                assertThat(state(apparel)).as("a quarantined file changes nothing: %s", c).isEqualTo(before);
            } else if (!stock(apparel).equals(stockBefore) || !shipped(apparel).equals(shippedBefore)) {
                changed++;
            }
            assertThat(overShipped()).as("no order ships more than it ordered: %s", c).isEmpty();
            assertThat(superuser.sql("SELECT count(*) FROM inventory_position WHERE on_hand < 0 OR available < 0")
                    .query(Long.class).single()).as("no negative stock: %s", c).isZero();
        }
        assertThat(state(home)).as("the other tenant at the same warehouse").isEqualTo(otherTenant);
        assertThat(quarantined).as("the mutations reach the reader's refusals").isPositive()
                .isLessThan(generated.size());
        assertThat(changed).as("and, read, they reach the application and change stock or shipments").isPositive();
    }

    /** Everything an inbound document can change for a tenant, as one comparable text. */
    private String state(TenantId tenant) {
        return superuser.sql("""
                SELECT (SELECT count(*) FROM shipment WHERE tenant_id = :t) || ' shipments, '
                    || (SELECT coalesce(sum(quantity), 0) FROM shipment_line WHERE tenant_id = :t) || ' units, '
                    || (SELECT coalesce(string_agg(master_sku || '=' || on_hand || '/' || available, ','
                                                   ORDER BY master_sku), '')
                        FROM inventory_position WHERE tenant_id = :t) || ', '
                    || (SELECT count(*) FROM inventory_adjustment WHERE tenant_id = :t) || ' adjustments, '
                    || (SELECT count(*) FROM x12_document WHERE tenant_id = :t AND direction = 'INBOUND') || ' docs, '
                    || (SELECT count(*) FROM x12_document WHERE tenant_id = :t AND ack_status <> 'AWAITED')
                    || ' acknowledged'""").param("t", tenant.value()).query(String.class).single();
    }

    private String stock(TenantId tenant) {
        return superuser.sql("""
                SELECT coalesce(string_agg(master_sku || '=' || on_hand || '/' || available, ',' ORDER BY master_sku),
                                '') FROM inventory_position WHERE tenant_id = :t""").param("t", tenant.value())
                .query(String.class).single();
    }

    private String shipped(TenantId tenant) {
        return superuser.sql("SELECT count(*) || '' FROM shipment WHERE tenant_id = :t").param("t", tenant.value())
                .query(String.class).single();
    }

    private List<String> overShipped() {
        return superuser.sql("""
                SELECT s.order_id || ' ' || l.master_sku FROM shipment s JOIN shipment_line l ON l.shipment_id = s.id
                GROUP BY s.order_id, l.master_sku
                HAVING sum(l.quantity) > (SELECT coalesce(sum(o.quantity), 0) FROM sales_order_line o
                                          WHERE o.order_id = s.order_id AND o.master_sku = l.master_sku)""")
                .query(String.class).list();
    }

    static byte[] mutate(String seed, Case c) {
        String text = seed.replace("\r", "").replace("\n", "");
        char terminator = text.charAt(105);
        char separator = text.charAt(3);
        List<String> segments = new ArrayList<>(Arrays.asList(text.split(java.util.regex.Pattern.quote(
                String.valueOf(terminator)), -1)));
        segments.removeIf(String::isEmpty);
        // the body only: envelope mutations are the reader's property test's business
        int first = 2;
        int body = Math.max(1, segments.size() - 4);
        int at = first + c.segment() % body;
        String[] elements = segments.get(at).split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        int element = elements.length > 1 ? 1 + c.element() % (elements.length - 1) : 0;
        switch (c.mutation()) {
            case NEGATIVE -> elements[element] = "-" + (1 + c.value() % 50);
            case FRACTION -> elements[element] = (c.value() % 20) + ".5";
            case HUGE -> elements[element] = "9999999999" + c.value();
            case EMPTY -> elements[element] = "";
            case UNKNOWN_ID -> elements[element] = "NOPE" + c.value();
            case DROP_SEGMENT -> segments.remove(at);
            case REPEAT_SEGMENT -> segments.add(at, segments.get(at));
            case SWAP_DELIMITER -> segments.set(at, segments.get(at).replace(separator, '|'));
            default -> {
            }
        }
        if (List.of(Mutation.NEGATIVE, Mutation.FRACTION, Mutation.HUGE, Mutation.EMPTY, Mutation.UNKNOWN_ID)
                .contains(c.mutation())) {
            segments.set(at, String.join(String.valueOf(separator), elements));
        }
        if (c.mutation() != Mutation.FLIP_BYTE && c.mutation() != Mutation.TRUNCATE) {
            // the counts made right again, so the mutation reaches the mapping and the application, not only SE01
            recount(segments, separator);
        }
        byte[] bytes = (String.join(String.valueOf(terminator), segments) + terminator)
                .getBytes(StandardCharsets.UTF_8);
        return switch (c.mutation()) {
            case FLIP_BYTE -> {
                bytes[c.value() % bytes.length] ^= (byte) (1 + c.element());
                yield bytes;
            }
            case TRUNCATE -> Arrays.copyOf(bytes, Math.max(1, c.value() % bytes.length));
            default -> bytes;
        };
    }

    /** Sets each SE01 to the number of segments from its ST to it. */
    private static void recount(List<String> segments, char separator) {
        String sep = String.valueOf(separator);
        int st = -1;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("ST" + sep)) {
                st = i;
            } else if (segment.startsWith("SE" + sep) && st >= 0) {
                String[] e = segment.split(java.util.regex.Pattern.quote(sep), -1);
                e[1] = Integer.toString(i - st + 1);
                segments.set(i, String.join(sep, e));
                st = -1;
            }
        }
    }

    private Path root() {
        return sftp.rootOf(superuser.sql("SELECT username FROM wms_connection WHERE id = :id").param("id", warehouse)
                .query(String.class).single());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T asSystem(Supplier<T> work) {
        return SystemActor.call("test", work);
    }
}
