package com.crossdock.portal.warehouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdock.portal.sync.InventoryPosition;
import com.crossdock.portal.sync.ShipmentNotice;
import com.crossdock.portal.warehouse.x12.WmsDocuments;
import com.crossdock.portal.warehouse.x12.WmsInbound;
import com.crossdock.tenantconfig.x12.InterchangeAck;
import com.crossdock.tenantconfig.x12.X12ControlNumbers;
import com.crossdock.tenantconfig.x12.X12Delimiters;
import com.crossdock.tenantconfig.x12.X12Envelope;
import com.crossdock.tenantconfig.x12.X12Reader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WmsSimulatorTest {

    static final String ORDER = """
            {"order": "#1001", "channelOrderId": "5620001001", "orderedAt": "2026-11-27T14:35:00+00:00",
             "shippingMethod": "Standard shipping", "shippingCode": "STANDARD", "email": "jane@example.com",
             "shipTo": {"name": "Jane Doe", "company": null, "address1": "1 Main St", "address2": null,
                        "city": "Columbus", "province": "OH", "postalCode": "43004", "country": "US",
                        "phone": null},
             "lines": [{"line": 1, "sku": "HP-TEE-BLK-M", "quantity": 2},
                       {"line": 2, "sku": "HP-MUG-WHT", "quantity": 1},
                       {"line": 3, "sku": "HP-CAP", "quantity": 3}]}""";
    static final X12Envelope PORTAL = new X12Envelope(X12Delimiters.standard(), "00401", "ZZ", "CROSSDOCK", "ZZ",
            "SANDBOXWMS", "CROSSDOCK", "SANDBOXWMS", false, true);
    static final X12Envelope WMS = new X12Envelope(X12Delimiters.standard(), "00401", "ZZ", "SANDBOXWMS", "ZZ",
            "CROSSDOCK", "SANDBOXWMS", "CROSSDOCK", false, true);
    static final Instant NOW = Instant.parse("2026-11-28T16:05:00Z");
    static final Instant SHIPPED = Instant.parse("2026-11-28T00:00:00Z");

    @TempDir
    Path root;
    Path toWms;
    Path fromWms;
    private final WmsDocuments documents = new WmsDocuments();
    private final X12Reader reader = new X12Reader();
    private final WmsSimulator simulator = new WmsSimulator(WMS, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void folders() throws IOException {
        toWms = Files.createDirectories(root.resolve("to-wms"));
        fromWms = root.resolve("from-wms");
    }

    @Test
    void a_split_order_comes_back_as_two_cartons_with_their_own_tracking_numbers_and_a_997() throws IOException {
        drop("order-1001.edi", 11, ORDER, false);
        WmsSimulator.Result result = simulator.process(toWms, fromWms, WmsSimulator.Behaviour.SPLIT_CARTONS);
        assertThat(result.processed()).containsExactly(toWms.resolve("done").resolve("order-1001.edi"));
        assertThat(result.rejected()).isEmpty();
        assertThat(toWms.resolve("order-1001.edi")).doesNotExist();
        List<WmsInbound> in = readAll(result.written());
        WmsInbound.Acknowledged ack = (WmsInbound.Acknowledged) in.getFirst();
        assertThat(ack.groupControlNumber()).isEqualTo("11");
        assertThat(ack.transactions()).isEqualTo(Map.of("0001", true));
        List<WmsInbound.Shipped> shipped = in.stream().skip(1).map(WmsInbound.Shipped.class::cast).toList();
        assertThat(shipped).hasSize(2).allSatisfy(s -> {
            assertThat(s.customerCode()).isEqualTo("HP");
            assertThat(s.depositorOrderNumber()).isEqualTo("HP-000123");
            assertThat(s.notice().carrier()).isEqualTo("UPS");
            assertThat(s.notice().service()).isEqualTo("STANDARD");
            assertThat(s.notice().shippedAt()).isEqualTo(SHIPPED);
            assertThat(s.notice().trackingNumbers()).singleElement().satisfies(t -> assertThat(t)
                    .matches("1ZSBXWMS03\\d{8}"));
        });
        ShipmentNotice first = shipped.get(0).notice();
        ShipmentNotice second = shipped.get(1).notice();
        assertThat(first.warehouseRef()).matches("SIM\\d+-CTN1");
        assertThat(second.warehouseRef()).isEqualTo(first.warehouseRef().replace("CTN1", "CTN2"));
        assertThat(first.trackingNumbers()).doesNotContainAnyElementsOf(second.trackingNumbers());
        assertThat(first.lines()).containsExactly(new ShipmentNotice.Line("HP-TEE-BLK-M", 2),
                new ShipmentNotice.Line("HP-MUG-WHT", 1));
        assertThat(second.lines()).containsExactly(new ShipmentNotice.Line("HP-CAP", 3));
    }

    @Test
    void a_short_shipment_ships_one_unit_less_of_the_first_line_in_one_carton() throws IOException {
        drop("order-1001.x12", 12, ORDER, false);
        WmsSimulator.Result result = simulator.process(toWms, fromWms, WmsSimulator.Behaviour.SHORT_SHIP);
        List<WmsInbound> in = readAll(result.written());
        assertThat(in).hasSize(2);
        ShipmentNotice notice = ((WmsInbound.Shipped) in.get(1)).notice();
        assertThat(notice.lines()).containsExactly(new ShipmentNotice.Line("HP-TEE-BLK-M", 1),
                new ShipmentNotice.Line("HP-MUG-WHT", 1), new ShipmentNotice.Line("HP-CAP", 3));
        assertThat(notice.trackingNumbers()).hasSize(1);
        String edi = Files.readString(result.written().get(1));
        assertThat(edi).contains("W12*PR*2*1*1*EA**VN*HP-TEE-BLK-M~").contains("W03*5~");
    }

    @Test
    void a_cancel_is_acknowledged_and_ships_nothing() throws IOException {
        drop("cancel-1001.edi", 13, """
                {"cancel": "#1001", "channelOrderId": "5620001001", "reason": "customer"}""", true);
        WmsSimulator.Result result = simulator.process(toWms, fromWms, WmsSimulator.Behaviour.SHIP_COMPLETE);
        assertThat(result.processed()).hasSize(1);
        assertThat(readAll(result.written())).singleElement().isInstanceOfSatisfying(WmsInbound.Acknowledged.class,
                a -> assertThat(a.transactions()).isEqualTo(Map.of("0001", true)));
    }

    @Test
    void a_malformed_940_is_rejected_with_a_997_and_an_unreadable_envelope_with_a_ta1() throws IOException {
        byte[] good = documents.shippingOrder(PORTAL, new X12ControlNumbers(14, 14, 1), LocalDateTime.of(2026, 11,
                28, 9, 0), "HP", "HP-000124", ORDER, false);
        String broken = new String(good, StandardCharsets.UTF_8).replace("W01*3*EA", "W01*3*EACH");
        Files.writeString(toWms.resolve("bad-order.edi"), broken);
        Files.writeString(toWms.resolve("bad-envelope.edi"), new String(good, StandardCharsets.UTF_8)
                .replaceAll("GS\\*[^~]*~\\s*", ""));
        Files.writeString(toWms.resolve(".half-uploaded.edi"), "ISA*");
        Files.writeString(toWms.resolve("notes.txt"), "not for the WMS");
        WmsSimulator.Result result = simulator.process(toWms, fromWms, WmsSimulator.Behaviour.SHIP_COMPLETE);
        Path rejectedDir = toWms.resolve("done").resolve("rejected");
        assertThat(result.processed()).isEmpty();
        assertThat(result.rejected()).containsExactly(rejectedDir.resolve("bad-envelope.edi"),
                rejectedDir.resolve("bad-order.edi"));
        assertThat(toWms.resolve(".half-uploaded.edi")).exists();
        assertThat(toWms.resolve("notes.txt")).exists();
        assertThat(result.written()).hasSize(2);
        InterchangeAck ta1 = reader.read(Files.readAllBytes(result.written().get(0))).single().interchangeAcks()
                .getFirst();
        assertThat(ta1.controlNumber()).isEqualTo("000000014");
        assertThat(ta1.ackCode()).isEqualTo("R");
        WmsInbound.Acknowledged ack = (WmsInbound.Acknowledged) readAll(result.written().subList(1, 2)).getFirst();
        assertThat(ack.groupControlNumber()).isEqualTo("14");
        assertThat(ack.transactions()).isEqualTo(Map.of("0001", false));
        assertThat(Files.readString(result.written().get(1))).contains("AK3*W01*").contains("AK4*2**5*EACH~")
                .contains("AK5*R*5~").contains("AK9*R*1*1*0~");
        try (Stream<Path> left = Files.list(fromWms)) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().startsWith("."));
        }
    }

    @Test
    void a_stock_snapshot_reads_back_as_positions_of_the_customer() throws IOException {
        Path file = simulator.writeStockSnapshot(fromWms, "HP", Map.of("HP-TEE-BLK-M", new int[] {40, 37},
                "HP-MUG-WHT", new int[] {0, 0}));
        assertThat(documents.read(reader.read(Files.readAllBytes(file)))).singleElement()
                .isInstanceOfSatisfying(WmsInbound.Stock.class, s -> {
                    assertThat(s.customerCode()).isEqualTo("HP");
                    assertThat(s.positions()).containsExactly(new InventoryPosition("HP-MUG-WHT", 0, 0),
                            new InventoryPosition("HP-TEE-BLK-M", 40, 37));
                });
    }

    @Test
    void ups_tracking_numbers_carry_the_ups_check_digit() {
        // the check digit of the published UPS sample 1Z 999AA1 01 2345678 4
        assertThat(WmsSimulator.upsCheckDigit("999AA10123456784".substring(0, 15))).isEqualTo(4);
        assertThat(WmsSimulator.upsTracking(123, 1)).isEqualTo("1ZSBXWMS030001231"
                + WmsSimulator.upsCheckDigit("SBXWMS030001231"));
    }

    @Test
    void a_warehouse_that_takes_its_time_answers_a_file_only_once_it_has_waited() throws IOException {
        drop("order-1001.edi", 12, ORDER, false);
        Files.setLastModifiedTime(toWms.resolve("order-1001.edi"), java.nio.file.attribute.FileTime.from(
                NOW.minusSeconds(5 * 60)));

        WmsSimulator.Result early = simulator.process(toWms, fromWms, WmsSimulator.Behaviour.SHIP_COMPLETE,
                WmsSimulator.Receiving.RECEIVE_ALL, java.time.Duration.ofMinutes(10));
        WmsSimulator.Result later = new WmsSimulator(WMS, Clock.fixed(NOW.plusSeconds(6 * 60), ZoneOffset.UTC))
                .process(toWms, fromWms, WmsSimulator.Behaviour.SHIP_COMPLETE, WmsSimulator.Receiving.RECEIVE_ALL,
                        java.time.Duration.ofMinutes(10));

        assertThat(early.processed()).isEmpty();
        assertThat(early.written()).isEmpty();
        assertThat(later.processed()).hasSize(1);
        assertThat(readAll(later.written())).filteredOn(WmsInbound.Shipped.class::isInstance).hasSize(1);
    }

    @Test
    void malformed_files_on_demand_are_refused_by_the_reader_or_unusable_as_stock() throws IOException {
        for (WmsSimulator.Malformation kind : WmsSimulator.Malformation.values()) {
            Path file = simulator.writeMalformed(fromWms, "HP", "HP-TEE-BLK-M", kind);
            byte[] raw = Files.readAllBytes(file);
            if (kind == WmsSimulator.Malformation.FRACTIONAL_QUANTITY) {
                assertThat(documents.read(reader.read(raw))).singleElement()
                        .isInstanceOf(WmsInbound.Unusable.class)
                        .extracting(inbound -> ((WmsInbound.Unusable) inbound).customerCode()).isEqualTo("HP");
            } else {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(raw)).as(kind.name())
                        .isInstanceOf(com.crossdock.tenantconfig.x12.X12Exception.class);
            }
        }
    }

    private void drop(String name, long control, String payload, boolean cancel) throws IOException {
        Files.write(toWms.resolve(name), documents.shippingOrder(PORTAL, new X12ControlNumbers(control, control, 1),
                LocalDateTime.of(2026, 11, 28, 9, 0), "HP", "HP-000123", payload, cancel));
    }

    private List<WmsInbound> readAll(List<Path> files) throws IOException {
        List<WmsInbound> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(documents.read(reader.read(Files.readAllBytes(f))));
        }
        return all;
    }
}
