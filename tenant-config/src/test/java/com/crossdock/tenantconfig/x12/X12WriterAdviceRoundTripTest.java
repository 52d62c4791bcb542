package com.crossdock.tenantconfig.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 945 and 846 a warehouse sends, written by {@link X12Writer} and read back by {@link X12Reader}. */
class X12WriterAdviceRoundTripTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 28, 16, 5);
    private final X12Reader reader = new X12Reader();

    private static X12Writer writer(String version, X12Delimiters delimiters) {
        return new X12Writer(new X12Envelope(delimiters, version, "ZZ", "WMSPARTNER", "ZZ", "CROSSDOCK",
                "WMSPARTNER", "CROSSDOCK", false, true));
    }

    /** Two cartons with a tracking number each; the second line ships one unit short. */
    static ShippingAdvice945 splitShortShipment() {
        X12Party shipTo = new X12Party("ST", "Jane Doe", "", "", List.of("1 Main St", "Apt 2"), "Columbus", "OH",
                "43004", "US");
        return new ShippingAdvice945("F", "HP-000123", "20261128", "SHP-77", "#1001",
                List.of(shipTo, X12Party.named("DE", "HP", "91", "HP")), List.of(X12Reference.of("BM", "BOL-9")),
                new ShippingAdvice945.Carrier("U", "UPSN", "STANDARD"),
                List.of(new ShippingAdvice945.Line(1, "CC", new BigDecimal("2"), new BigDecimal("2"), null, "EA",
                                List.of(new X12ItemId("VN", "HP-TEE-BLK-M")), "",
                                List.of(X12Reference.of("2I", "1Z999AA10123456784")),
                                List.of(X12Reference.of("GM", "00000000000000000017"))),
                        new ShippingAdvice945.Line(2, "PR", new BigDecimal("3"), new BigDecimal("2"),
                                new BigDecimal("1"), "EA", List.of(new X12ItemId("UA", "012345678905"),
                                new X12ItemId("VN", "HP-MUG-WHT")), "LOT-4",
                                List.of(new X12Reference("2I", "1Z999AA10123456795", "carton 2")),
                                List.of(X12Reference.of("GM", "00000000000000000024")))));
    }

    @Test
    void a_945_with_two_cartons_two_tracking_numbers_and_a_short_line_reads_back_equal() {
        ShippingAdvice945 advice = splitShortShipment();
        byte[] edi = writer("00401", X12Delimiters.standard()).write(advice, new X12ControlNumbers(310, 31, 1), AT);
        X12Transmission back = reader.read(edi);
        assertThat(back.warnings()).isEmpty();
        assertThat(back.single().groups().getFirst().functionalId()).isEqualTo("SW");
        X12Transaction tx = back.transactions().getFirst();
        assertThat(tx.type()).isEqualTo("945");
        assertThat(tx.content()).isEqualTo(advice);
        ShippingAdvice945 read = (ShippingAdvice945) tx.content();
        assertThat(read.trackingNumbers()).containsExactly("BOL-9", "1Z999AA10123456784", "1Z999AA10123456795");
        assertThat(read.cartonIds()).containsExactly("00000000000000000017", "00000000000000000024");
        assertThat(new String(edi, StandardCharsets.UTF_8))
                .contains("W06*F*HP-000123*20261128*SHP-77**#1001~")
                .contains("W27*U*UPSN*STANDARD~")
                .contains("LX*2~\nMAN*GM*00000000000000000024~\nN9*2I*1Z999AA10123456795*carton 2~\n"
                        + "W12*PR*3*2*1*EA*012345678905*VN*HP-MUG-WHT*LOT-4~")
                .contains("W03*4~");
    }

    @Test
    void a_945_whose_lines_have_no_lx_keeps_marks_and_references_on_their_line() {
        ShippingAdvice945 advice = new ShippingAdvice945("P", "SO-9", "20261201", "", "", List.of(), List.of(),
                null, List.of(new ShippingAdvice945.Line(0, "CL", null, new BigDecimal("5"), null, "", List.of(
                        new X12ItemId("SK", "A")), "", List.of(X12Reference.of("CN", "PRO-1")), List.of(
                        X12Reference.of("CP", "PKG-1"))), new ShippingAdvice945.Line(0, "CL", null,
                        new BigDecimal("1.5"), null, "LB", List.of(new X12ItemId("SK", "B")), "", List.of(),
                        List.of())));
        byte[] edi = writer("00501", new X12Delimiters('|', '>', '\n', '^'))
                .write(advice, new X12ControlNumbers(1, 1, 9), AT);
        assertThat(reader.read(edi).transactions().getFirst().content()).isEqualTo(advice);
        assertThat(new String(edi, StandardCharsets.UTF_8)).contains("W03|6.5\n");
    }

    @Test
    void an_846_with_on_hand_available_and_on_hold_reads_back_equal() {
        InventoryAdvice846 advice = new InventoryAdvice846("00", "DD", "INV-20261128", "20261128",
                List.of(X12Party.named("DE", "HP", "91", "HP"), X12Party.named("WH", "Crossdock East", "91",
                        "EAST")),
                List.of(new InventoryAdvice846.Item("1", List.of(new X12ItemId("VN", "HP-TEE-BLK-M"),
                                new X12ItemId("UP", "012345678905")), List.of(
                                new InventoryAdvice846.Quantity(InventoryAdvice846.ON_HAND, new BigDecimal("40"),
                                        "EA"),
                                new InventoryAdvice846.Quantity(InventoryAdvice846.AVAILABLE, new BigDecimal("37"),
                                        "EA"),
                                new InventoryAdvice846.Quantity("QH", new BigDecimal("3"), "EA"))),
                        new InventoryAdvice846.Item("", List.of(new X12ItemId("VN", "HP-MUG-WHT")), List.of(
                                new InventoryAdvice846.Quantity(InventoryAdvice846.ON_HAND, BigDecimal.ZERO, ""),
                                new InventoryAdvice846.Quantity(InventoryAdvice846.AVAILABLE, BigDecimal.ZERO,
                                        "")))));
        byte[] edi = writer("00401", X12Delimiters.standard()).write(advice, new X12ControlNumbers(2, 2, 1), AT);
        X12Transmission back = reader.read(edi);
        assertThat(back.warnings()).isEmpty();
        assertThat(back.single().groups().getFirst().functionalId()).isEqualTo("IB");
        assertThat(back.transactions().getFirst().content()).isEqualTo(advice);
        InventoryAdvice846 read = (InventoryAdvice846) back.transactions().getFirst().content();
        assertThat(read.items().getFirst().quantity(InventoryAdvice846.AVAILABLE)).hasValueSatisfying(
                q -> assertThat(q.quantity()).isEqualByComparingTo("37"));
        assertThat(new String(edi, StandardCharsets.UTF_8)).contains("BIA*00*DD*INV-20261128*20261128~")
                .contains("LIN*1*VN*HP-TEE-BLK-M*UP*012345678905~").contains("LIN**VN*HP-MUG-WHT~")
                .contains("QTY*33*37*EA~").contains("QTY*17*0~");
    }

    @Test
    void a_945_line_with_two_qualified_item_ids_is_refused() {
        ShippingAdvice945 advice = splitShortShipment();
        ShippingAdvice945.Line line = advice.lines().getFirst();
        ShippingAdvice945 tooMany = new ShippingAdvice945("F", "HP-1", "20261128", "S", "", List.of(), List.of(),
                null, List.of(new ShippingAdvice945.Line(1, "CC", BigDecimal.ONE, BigDecimal.ONE, null, "EA",
                List.of(new X12ItemId("VN", "A"), new X12ItemId("SK", "B")), "", line.references(), line.marks())));
        assertThatThrownBy(() -> writer("00401", X12Delimiters.standard())
                .write(tooMany, new X12ControlNumbers(1, 1, 1), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W12");
    }

    @Test
    void an_846_item_without_id_and_a_945_without_ship_date_are_refused() {
        InventoryAdvice846 noId = new InventoryAdvice846("00", "DD", "R1", "20261128", List.of(), List.of(
                new InventoryAdvice846.Item("1", List.of(), List.of())));
        assertThatThrownBy(() -> writer("00401", X12Delimiters.standard())
                .write(noId, new X12ControlNumbers(1, 1, 1), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LIN");
        ShippingAdvice945 advice = splitShortShipment();
        ShippingAdvice945 noDate = new ShippingAdvice945("F", "HP-1", "", "S", "", List.of(), List.of(), null,
                advice.lines());
        assertThatThrownBy(() -> writer("00401", X12Delimiters.standard())
                .write(noDate, new X12ControlNumbers(1, 1, 1), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W06-03");
    }
}
