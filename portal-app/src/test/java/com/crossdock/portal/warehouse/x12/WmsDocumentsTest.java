package com.crossdock.portal.warehouse.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.crossdock.portal.sync.InventoryPosition;
import com.crossdock.portal.sync.ShipmentNotice;
import com.crossdock.tenantconfig.x12.FunctionalAck997;
import com.crossdock.tenantconfig.x12.InventoryAdvice846;
import com.crossdock.tenantconfig.x12.ShippingAdvice945;
import com.crossdock.tenantconfig.x12.ShippingOrder940;
import com.crossdock.tenantconfig.x12.X12ControlNumbers;
import com.crossdock.tenantconfig.x12.X12Delimiters;
import com.crossdock.tenantconfig.x12.X12Envelope;
import com.crossdock.tenantconfig.x12.X12Exception;
import com.crossdock.tenantconfig.x12.X12ItemId;
import com.crossdock.tenantconfig.x12.X12Party;
import com.crossdock.tenantconfig.x12.X12Reader;
import com.crossdock.tenantconfig.x12.X12Reference;
import com.crossdock.tenantconfig.x12.X12Transmission;
import com.crossdock.tenantconfig.x12.X12Writer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WmsDocumentsTest {

    static final String ORDER = """
            {"order": "#1001", "channelOrderId": "5620001001", "orderedAt": "2026-11-27T14:35:00+00:00",
             "shippingMethod": "Standard shipping", "shippingCode": "STANDARD", "email": "jane@example.com",
             "shipTo": {"name": "Jane Doe", "company": null, "address1": "1 Main St", "address2": "Apt 2",
                        "city": "Columbus", "province": "OH", "postalCode": "43004", "country": "US",
                        "phone": null},
             "lines": [{"line": 1, "sku": "HP-TEE-BLK-M", "quantity": 2},
                       {"line": 2, "sku": "HP-MUG-WHT", "quantity": 1}]}""";
    static final String CANCEL = """
            {"cancel": "#1001", "channelOrderId": "5620001001", "reason": "customer"}""";
    static final LocalDateTime AT = LocalDateTime.of(2026, 11, 27, 15, 0);
    static final X12Envelope PORTAL = new X12Envelope(X12Delimiters.standard(), "00401", "ZZ", "CROSSDOCK", "ZZ",
            "SANDBOXWMS", "CROSSDOCK", "SANDBOXWMS", false, true);
    static final X12Envelope WMS = new X12Envelope(X12Delimiters.standard(), "00401", "ZZ", "SANDBOXWMS", "ZZ",
            "CROSSDOCK", "SANDBOXWMS", "CROSSDOCK", false, true);

    private final WmsDocuments documents = new WmsDocuments();
    private final X12Reader reader = new X12Reader();

    @Test
    void a_released_order_becomes_a_940_the_reader_takes_back_line_for_line() {
        byte[] edi = documents.shippingOrder(PORTAL, new X12ControlNumbers(501, 51, 1), AT, "HP", "HP-000123",
                ORDER, false);
        String text = new String(edi, StandardCharsets.UTF_8);
        assertThat(text).contains("GS*OW*CROSSDOCK*SANDBOXWMS*20261127*1500*51*X*004010~")
                .contains("ST*940*0001~\nW05*N*HP-000123*#1001~\nN1*ST*Jane Doe~\nN3*1 Main St*Apt 2~\n"
                        + "N4*Columbus*OH*43004*US~\nN1*DE*HP*91*HP~\nN9*CO*5620001001~\nG62*04*20261127~\n"
                        + "NTE*DEL*SHIP METHOD - Standard shipping~\nW66*PP*U***STANDARD~\n"
                        + "LX*1~\nW01*2*EA**VN*HP-TEE-BLK-M~\nLX*2~\nW01*1*EA**VN*HP-MUG-WHT~\nW76*3~\nSE*16*0001~");
        ShippingOrder940 order = (ShippingOrder940) reader.read(edi).transactions().getFirst().content();
        assertThat(order.purpose()).isEqualTo(ShippingOrder940.Purpose.NEW);
        assertThat(order.shipTo()).isEqualTo(new X12Party("ST", "Jane Doe", "", "", List.of("1 Main St", "Apt 2"),
                "Columbus", "OH", "43004", "US"));
        assertThat(order.lines()).extracting(l -> l.items().getFirst().value(), ShippingOrder940.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HP-TEE-BLK-M", new BigDecimal("2")),
                        org.assertj.core.groups.Tuple.tuple("HP-MUG-WHT", new BigDecimal("1")));
    }

    @Test
    void a_mapped_ship_method_sends_the_warehouses_service_and_carrier_in_the_w66() {
        String mapped = ORDER.replace("\"shippingCode\": \"STANDARD\",",
                "\"shippingCode\": \"STANDARD\", \"carrierScac\": \"UPSN\", \"serviceCode\": \"GND\",");
        byte[] edi = documents.shippingOrder(PORTAL, new X12ControlNumbers(504, 54, 1), AT, "HP", "HP-000125",
                mapped, false);
        assertThat(new String(edi, StandardCharsets.UTF_8)).contains("W66*PP*U***GND*****UPSN~");
        ShippingOrder940 order = (ShippingOrder940) reader.read(edi).transactions().getFirst().content();
        assertThat(order.shipMethod()).isEqualTo(new ShippingOrder940.ShipMethod("PP", "U", "GND", "UPSN"));
    }

    @Test
    void prep_and_labelling_the_sellers_side_does_travel_as_warehouse_instructions_on_the_line() {
        String withPrep = ORDER.replace("""
                {"line": 2, "sku": "HP-MUG-WHT", "quantity": 1}""", """
                {"line": 2, "sku": "HP-MUG-WHT", "quantity": 1, "prep": "BUBBLEWRAPPING,POLYBAGGING",
                 "sellerLabels": true}""");
        byte[] edi = documents.shippingOrder(PORTAL, new X12ControlNumbers(503, 53, 1), AT, "HP", "HP-000124",
                withPrep, false);
        assertThat(new String(edi, StandardCharsets.UTF_8)).contains("LX*1~\nW01*2*EA**VN*HP-TEE-BLK-M~\nLX*2~")
                .contains("W01*1*EA**VN*HP-MUG-WHT~\nNTE*WHI*PREP - BUBBLEWRAPPING, POLYBAGGING~\n"
                        + "NTE*WHI*LABEL - apply FNSKU labels~");
        ShippingOrder940 order = (ShippingOrder940) reader.read(edi).transactions().getFirst().content();
        assertThat(order.lines().get(1).notes()).extracting(X12Reference::value)
                .containsExactly("PREP - BUBBLEWRAPPING, POLYBAGGING", "LABEL - apply FNSKU labels");
        assertThat(order.lines().getFirst().notes()).isEmpty();
    }

    @Test
    void a_cancel_message_becomes_a_w05_f_without_lines_or_ship_to() {
        byte[] edi = documents.shippingOrder(PORTAL, new X12ControlNumbers(502, 52, 1), AT, "HP", "HP-000123",
                CANCEL, true);
        assertThat(new String(edi, StandardCharsets.UTF_8)).contains("W05*F*HP-000123*#1001~")
                .contains("NTE*GEN*CANCEL REASON - customer~").doesNotContain("N1*ST").doesNotContain("W66");
        ShippingOrder940 order = (ShippingOrder940) reader.read(edi).transactions().getFirst().content();
        assertThat(order.purpose()).isEqualTo(ShippingOrder940.Purpose.CANCEL);
        assertThat(order.lines()).isEmpty();
        assertThat(order.otherParties()).containsExactly(X12Party.named("DE", "HP", "91", "HP"));
    }

    @Test
    void what_a_940_cannot_do_without_is_named() {
        X12ControlNumbers n = new X12ControlNumbers(1, 1, 1);
        assertThatThrownBy(() -> documents.shippingOrder(PORTAL, n, AT, "HP", "HP-1",
                ORDER.replaceAll("\"lines\": \\[[^]]*]", "\"lines\": []"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one line");
        assertThatThrownBy(() -> documents.shippingOrder(PORTAL, n, AT, "HP", "HP-1",
                ORDER.replaceAll("\"shipTo\": \\{[^}]*},", ""), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ship-to");
        assertThatThrownBy(() -> documents.shippingOrder(PORTAL, n, AT, "HP", "HP-1",
                ORDER.replace("\"1 Main St\"", "null").replace("\"Columbus\"", "\"\""), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The ship-to (N1*ST) of a new order lacks shipTo.address1, shipTo.city");
        assertThatThrownBy(() -> documents.shippingOrder(PORTAL, n, AT, "HP", "HP-0000000000000000000123",
                ORDER, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W05-02");
        assertThatThrownBy(() -> documents.shippingOrder(PORTAL, n, AT, "HP", "HP-1", ORDER.replace(
                "\"quantity\": 1", "\"quantity\": 0"), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 2 (HP-MUG-WHT)");
        assertThatThrownBy(() -> documents.shippingOrder(PORTAL, n, AT, "HP", "HP-1", CANCEL, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cancellation");
    }

    @Test
    void delimiters_in_an_address_become_spaces_and_a_company_joins_the_name() {
        String odd = ORDER.replace("\"Apt 2\"", "\"Apt 2*rear~door\"").replace("\"company\": null",
                "\"company\": \"ACME Corp\"");
        ShippingOrder940 order = documents.shippingOrder940(X12Delimiters.standard(), "HP", "HP-1", odd, false);
        assertThat(order.shipTo()).isNotNull();
        assertThat(order.shipTo().addressLines()).containsExactly("1 Main St", "Apt 2 rear door");
        assertThat(order.shipTo().name()).isEqualTo("Jane Doe / ACME Corp");
    }

    static ShippingAdvice945 splitShortAdvice() {
        return new ShippingAdvice945("F", "HP-000123", "20261128", "SHP77", "#1001",
                List.of(X12Party.named("ST", "Jane Doe", "", ""), X12Party.named("DE", "HP", "91", "HP")),
                List.of(), new ShippingAdvice945.Carrier("U", "UPSN", "STANDARD"), List.of(
                new ShippingAdvice945.Line(1, "CC", new BigDecimal("2"), new BigDecimal("2"), null, "EA",
                        List.of(new X12ItemId("VN", "HP-TEE-BLK-M")), "",
                        List.of(X12Reference.of("2I", "1Z999AA10123456784")), List.of(X12Reference.of("GM", "C1"))),
                new ShippingAdvice945.Line(2, "PR", new BigDecimal("3"), new BigDecimal("2"), new BigDecimal("1"),
                        "EA", List.of(new X12ItemId("VN", "HP-MUG-WHT")), "",
                        List.of(X12Reference.of("2I", "1Z999AA10123456795")), List.of(X12Reference.of("GM", "C2"))),
                new ShippingAdvice945.Line(3, "CC", new BigDecimal("1"), new BigDecimal("1"), null, "EA",
                        List.of(new X12ItemId("VN", "HP-CAP")), "",
                        List.of(X12Reference.of("2I", "1Z999AA10123456795")), List.of(X12Reference.of("GM", "C2")))));
    }

    @Test
    void a_945_in_two_cartons_gives_a_notice_per_carton_with_its_tracking_number() {
        byte[] edi = new X12Writer(WMS).write(splitShortAdvice(), new X12ControlNumbers(900, 90, 7), AT);
        List<WmsInbound> in = documents.read(reader.read(edi));
        WmsInbound.Control control = new WmsInbound.Control("000000900", "90", "SW", "945", "0007");
        Instant shipped = Instant.parse("2026-11-28T00:00:00Z");
        assertThat(in).containsExactly(
                new WmsInbound.Shipped(control, "HP", "HP-000123", new ShipmentNotice("SHP77-C1", "UPS", "STANDARD",
                        List.of("1Z999AA10123456784"), shipped, List.of(new ShipmentNotice.Line("HP-TEE-BLK-M", 2)))),
                new WmsInbound.Shipped(control, "HP", "HP-000123", new ShipmentNotice("SHP77-C2", "UPS", "STANDARD",
                        List.of("1Z999AA10123456795"), shipped, List.of(new ShipmentNotice.Line("HP-MUG-WHT", 2),
                        new ShipmentNotice.Line("HP-CAP", 1)))));
    }

    @Test
    void a_945_in_cases_or_shipping_nothing_is_kept_as_unusable_with_the_reason() {
        ShippingAdvice945 a = splitShortAdvice();
        ShippingAdvice945.Line l = a.lines().getFirst();
        ShippingAdvice945 cases = new ShippingAdvice945("F", "HP-9", "20261128", "S9", "", List.of(), List.of(),
                null, List.of(new ShippingAdvice945.Line(1, "CC", BigDecimal.ONE, BigDecimal.ONE, null, "CA",
                l.items(), "", List.of(), List.of())));
        ShippingAdvice945 nothing = new ShippingAdvice945("F", "HP-9", "20261128", "S9", "", List.of(), List.of(),
                null, List.of(new ShippingAdvice945.Line(1, "PR", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE,
                "EA", l.items(), "", List.of(), List.of())));
        X12Writer writer = new X12Writer(WMS);
        assertThat(documents.read(reader.read(writer.write(List.of(cases, nothing), new X12ControlNumbers(1, 1, 1),
                AT)))).extracting(i -> ((WmsInbound.Unusable) i).reason()).containsExactly(
                "W12 of line 1 ships in unit CA; the portal takes eaches (EA)", "the 945 for HP-9 ships no units");
    }

    @Test
    void an_846_counting_below_zero_is_unusable_as_a_whole_with_the_sku_named() {
        byte[] raw = ("ISA*00*          *00*          *ZZ*SANDBOXWMS     *ZZ*CROSSDOCK      *261127*1200*U*00401*"
                + "000000600*0*T*>~GS*IB*SANDBOXWMS*CROSSDOCK*20261127*1200*600*X*004010~ST*846*0001~"
                + "BIA*00*DD*SNAP9*20261127~N1*DE*HP*91*HP~LIN*1*VN*HP-TEE-BLK-M~QTY*17*40*EA~QTY*33*37*EA~"
                + "LIN*2*VN*HP-TEE-WHT-S~QTY*17*-49*EA~SE*9*0001~GE*1*600~IEA*1*000000600~")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(documents.read(reader.read(raw))).singleElement().isInstanceOfSatisfying(WmsInbound.Unusable.class,
                unusable -> assertThat(unusable.reason()).isEqualTo("HP-TEE-WHT-S is counted below zero: -49 on hand, "
                        + "-49 available"));
    }

    @Test
    void an_846_becomes_stock_positions_and_a_997_acknowledgments_by_control_number() {
        InventoryAdvice846 stock = new InventoryAdvice846("00", "DD", "SNAP1", "20261128",
                List.of(X12Party.named("DE", "HP", "91", "HP")), List.of(
                new InventoryAdvice846.Item("1", List.of(new X12ItemId("VN", "HP-TEE-BLK-M")), List.of(
                        new InventoryAdvice846.Quantity("17", new BigDecimal("40"), "EA"),
                        new InventoryAdvice846.Quantity("33", new BigDecimal("37"), "EA"))),
                new InventoryAdvice846.Item("2", List.of(new X12ItemId("SK", "HP-MUG-WHT")), List.of(
                        new InventoryAdvice846.Quantity("17", new BigDecimal("5"), "EA"),
                        new InventoryAdvice846.Quantity("QH", new BigDecimal("2"), "EA")))));
        FunctionalAck997 ack = new FunctionalAck997("OW", "51", List.of(
                new FunctionalAck997.TransactionAck("940", "0001", "A", List.of(), List.of()),
                new FunctionalAck997.TransactionAck("940", "0002", "R", List.of("5"), List.of())),
                "P", 2, 2, 1, List.of());
        X12Writer writer = new X12Writer(WMS);
        List<WmsInbound> in = documents.read(reader.read(writer.write(stock, new X12ControlNumbers(3, 30, 1), AT)));
        assertThat(in).containsExactly(new WmsInbound.Stock(new WmsInbound.Control("000000003", "30", "IB", "846",
                "0001"), "HP", List.of(new InventoryPosition("HP-TEE-BLK-M", 40, 37),
                new InventoryPosition("HP-MUG-WHT", 5, 3))));
        WmsInbound acked = documents.read(reader.read(writer.write(ack, new X12ControlNumbers(4, 40, 1), AT)))
                .getFirst();
        assertThat(acked).isEqualTo(new WmsInbound.Acknowledged(new WmsInbound.Control("000000004", "40", "FA",
                "997", "0001"), "51", Map.of("0001", true, "0002", false)));
        assertThat(((WmsInbound.Acknowledged) acked).transactions().keySet()).containsExactly("0001", "0002");
    }

    @Test
    void a_940_sent_back_is_unsupported_and_the_group_is_acknowledged_as_read() {
        byte[] edi = documents.shippingOrder(WMS, new X12ControlNumbers(7, 70, 3), AT, "HP", "HP-1", ORDER, false);
        X12Transmission t = reader.read(edi);
        assertThat(documents.read(t)).containsExactly(new WmsInbound.Unsupported(new WmsInbound.Control(
                "000000007", "70", "OW", "940", "0003"), "940", "0003"));
        FunctionalAck997 ack = documents.acceptance(t.single().groups().getFirst());
        assertThat(ack).isEqualTo(new FunctionalAck997("OW", "70", List.of(new FunctionalAck997.TransactionAck(
                "940", "0003", "A", List.of(), List.of())), "A", 1, 1, 1, List.of()));
        FunctionalAck997 rejected = documents.acknowledgment(t.single().groups().getFirst(), Map.of("0003",
                List.of()));
        assertThat(rejected.groupStatus()).isEqualTo("R");
        assertThat(rejected.transactions().getFirst().status()).isEqualTo("R");
    }

    @Test
    void the_inter_american_945_fixture_is_refused_and_answered_with_a_997_naming_the_long_st02() throws IOException {
        byte[] raw = fixture("945-inter-american-products-5010-bom-indented.edi");
        X12Exception refused = catchThrowableOfType(X12Exception.class, () -> reader.read(raw));
        WmsRefusal answer = documents.refusal(raw, refused);
        assertThat(answer.interchangeAck()).isNull();
        FunctionalAck997 ack = answer.acknowledgments().getFirst();
        assertThat(ack.functionalId()).isEqualTo("SW");
        assertThat(ack.groupControlNumber()).isEqualTo("20021104");
        assertThat(ack.groupStatus()).isEqualTo("R");
        assertThat(ack.groupErrors()).containsExactly("4");
        FunctionalAck997.TransactionAck tx = ack.transactions().getFirst();
        assertThat(tx.controlNumber()).isEqualTo("0003100001");
        FunctionalAck997.ElementError tooLong = new FunctionalAck997.ElementError("2", "", "5", "0003100001");
        assertThat(tx.segmentErrors()).containsExactly(
                new FunctionalAck997.SegmentError("ST", 1, "", "8", List.of(tooLong)),
                new FunctionalAck997.SegmentError("SE", 17, "", "8", List.of(tooLong)));
    }

    @Test
    void the_simplot_945_fixture_in_an_envelope_is_rejected_at_its_w12_and_se() throws IOException {
        String body = new String(fixture("945-simplot-transaction-only-no-envelope.edi"), StandardCharsets.UTF_8);
        byte[] raw = ("ISA*00*          *00*          *ZZ*SIMPLOT        *ZZ*CROSSDOCK      *131029*1035*U*00401*"
                + "000000005*0*P*>~\nGS*SW*SIMPLOT*CROSSDOCK*20131029*1035*5*X*004010~\n" + body.strip()
                + "\nGE*1*5~\nIEA*1*000000005~\n").getBytes(StandardCharsets.UTF_8);
        X12Exception refused = catchThrowableOfType(X12Exception.class, () -> reader.read(raw));
        FunctionalAck997 ack = documents.refusal(raw, refused).acknowledgments().getFirst();
        assertThat(ack.groupControlNumber()).isEqualTo("5");
        FunctionalAck997.TransactionAck tx = ack.transactions().getFirst();
        assertThat(tx.status()).isEqualTo("R");
        assertThat(tx.errorCodes()).containsExactly("5");
        assertThat(tx.segmentErrors()).extracting(FunctionalAck997.SegmentError::tag,
                FunctionalAck997.SegmentError::position).contains(org.assertj.core.groups.Tuple.tuple("W12", 12),
                org.assertj.core.groups.Tuple.tuple("SE", 29));
        byte[] answer = new X12Writer(WMS).write(ack, new X12ControlNumbers(8, 8, 1), AT);
        assertThat(reader.read(answer).transactions().getFirst().content()).isEqualTo(ack);
    }

    @Test
    void a_refused_files_values_holding_our_separators_go_back_without_them_so_the_997_can_be_written() {
        byte[] raw = ("ISA*00*          *00*          *ZZ*SANDBOXWMS     *ZZ*CROSSDOCK      *261127*1500*U*00401*"
                + "000000077*0*P*>~GS*SW*SANDBOXWMS*CROSSDOCK*20261127*1500*7>7*X*004010~ST*94>5*00>01~W06*N~"
                + "SE*3*0001~GE*1*77~IEA*1*000000077~").getBytes(StandardCharsets.US_ASCII);
        X12Exception refused = catchThrowableOfType(X12Exception.class, () -> reader.read(raw));
        FunctionalAck997 ack = documents.refusal(raw, refused).acknowledgments().getFirst();
        assertThat(ack.groupControlNumber()).isEqualTo("77");
        assertThat(ack.transactions().getFirst().type()).isEqualTo("945");
        assertThat(ack.transactions().getFirst().controlNumber()).isEqualTo("0001");
        String written = new String(new X12Writer(PORTAL).write(ack, new X12ControlNumbers(9, 9, 9), AT),
                StandardCharsets.US_ASCII);
        assertThat(written).contains("AK1*SW*77", "AK2*945*0001");
    }

    @Test
    void an_input_without_a_group_is_answered_with_a_ta1_and_garbage_with_nothing() {
        byte[] raw = ("ISA*00*          *00*          *ZZ*SANDBOXWMS     *ZZ*CROSSDOCK      *261127*1500*U*00401*"
                + "000000042*0*T*>~IEA*1*000000043~").getBytes(StandardCharsets.UTF_8);
        X12Exception refused = catchThrowableOfType(X12Exception.class, () -> reader.read(raw));
        WmsRefusal answer = documents.refusal(raw, refused);
        assertThat(answer.acknowledgments()).isEmpty();
        assertThat(answer.interchangeAck()).isNotNull();
        assertThat(answer.interchangeAck().controlNumber()).isEqualTo("000000042");
        assertThat(answer.interchangeAck().ackCode()).isEqualTo("R");
        byte[] garbage = "hello".getBytes(StandardCharsets.UTF_8);
        X12Exception notX12 = catchThrowableOfType(X12Exception.class, () -> reader.read(garbage));
        assertThat(documents.refusal(garbage, notX12).unanswerable()).isTrue();
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of("..", "tenant-config", "src", "test", "resources", "x12", name));
    }
}
