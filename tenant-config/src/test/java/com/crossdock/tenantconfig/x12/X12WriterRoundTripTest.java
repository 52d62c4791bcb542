package com.crossdock.tenantconfig.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12WriterRoundTripTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 3, 14, 9, 30);
    private final X12Reader reader = new X12Reader();

    private static X12Envelope envelope(String version, X12Delimiters delimiters) {
        return new X12Envelope(delimiters, version, "ZZ", "CROSSDOCK", "ZZ", "WMSPARTNER", "CROSSDOCK", "WMSPARTNER",
                false, true);
    }

    static ShippingOrder940 newOrder() {
        X12Party shipTo = new X12Party("ST", "Jane Doe", "", "", List.of("1 Main St", "Apt 2"), "Columbus", "OH",
                "43004", "US");
        return new ShippingOrder940(ShippingOrder940.Purpose.NEW, "SO-1001", "PO-77", shipTo,
                List.of(X12Party.named("WH", "Crossdock East", "91", "EAST")),
                List.of(X12Reference.of("CO", "1001"), new X12Reference("ZZ", "FBA", "prep")),
                List.of(X12Reference.of("10", "20260315")),
                List.of(X12Reference.of("WHI", "POLYBAG EACH UNIT"), X12Reference.of("WHI", "FNSKU LABEL")),
                new ShippingOrder940.ShipMethod("PP", "U", "UPS GROUND", "UPSN"),
                List.of(new ShippingOrder940.Line(1, new BigDecimal("12"), "EA", List.of(new X12ItemId("SK",
                        "SKU-A"), new X12ItemId("UP", "012345678905")), "Blue widget",
                        List.of(X12Reference.of("LI", "1")), List.of(X12Reference.of("WHI", "BUBBLE WRAP"))),
                        new ShippingOrder940.Line(2, new BigDecimal("3"), "CA", List.of(new X12ItemId("SK",
                                "SKU-B")), "", List.of(), List.of())));
    }

    @Test
    void a_new_940_reads_back_as_the_same_order_in_004010() {
        ShippingOrder940 order = newOrder();
        byte[] edi = new X12Writer(envelope("00401", X12Delimiters.standard()))
                .write(order, new X12ControlNumbers(42, 7, 1), AT);
        X12Transmission back = reader.read(edi);
        assertThat(back.warnings()).isEmpty();
        X12Interchange isa = back.single();
        assertThat(isa.controlNumber()).isEqualTo("000000042");
        assertThat(isa.production()).isFalse();
        assertThat(isa.groups().getFirst().functionalId()).isEqualTo("OW");
        assertThat(isa.groups().getFirst().version()).isEqualTo("004010");
        X12Transaction tx = back.transactions().getFirst();
        assertThat(tx.controlNumber()).isEqualTo("0001");
        assertThat(tx.content()).isEqualTo(order);
        assertThat(new String(edi, StandardCharsets.UTF_8)).contains("W76*15~").contains("NTE*WHI*FNSKU LABEL~");
    }

    @Test
    void a_cancel_940_in_005010_with_odd_delimiters_reads_back() {
        ShippingOrder940 cancel = new ShippingOrder940(ShippingOrder940.Purpose.CANCEL, "SO-1001", "", null,
                List.of(), List.of(), List.of(), List.of(X12Reference.of("SPH", "CANCELLED - DO NOT SHIP")), null,
                List.of());
        X12Delimiters odd = new X12Delimiters('|', '>', '\n', '^');
        byte[] edi = new X12Writer(envelope("00501", odd)).write(cancel, new X12ControlNumbers(43, 8, 5), AT);
        X12Interchange isa = reader.read(edi).single();
        assertThat(isa.delimiters()).isEqualTo(odd);
        assertThat(isa.version()).isEqualTo("00501");
        assertThat(isa.groups().getFirst().transactions().getFirst().content()).isEqualTo(cancel);
        assertThat(new String(edi, StandardCharsets.UTF_8)).contains("W05|F|SO-1001\n");
    }

    @Test
    void two_orders_in_one_group_count_their_control_numbers_up() {
        byte[] edi = new X12Writer(envelope("00401", X12Delimiters.standard()))
                .write(List.of(newOrder(), newOrder()), new X12ControlNumbers(44, 9, 17), AT);
        assertThat(reader.read(edi).transactions()).extracting(X12Transaction::controlNumber)
                .containsExactly("0017", "0018");
    }

    @Test
    void a_943_reads_back() {
        StockTransfer943 transfer = new StockTransfer943("N", "TR-5", "20260314", "SHIP-9",
                List.of(X12Party.named("SF", "Supplier Inc", "92", "SUP1"), X12Party.named("WH", "Crossdock East",
                        "91", "EAST")), List.of(X12Reference.of("BM", "BOL123")), List.of(X12Reference.of("17",
                        "20260320")), new ShippingAdvice945.Carrier("M", "ODFL", "LTL"),
                List.of(new StockTransfer943.Line(new BigDecimal("240"), "EA", List.of(new X12ItemId("UA",
                        "001234567890"), new X12ItemId("SK", "SKU-A")), "LOT7", List.of(X12Reference.of("LV",
                        "PALLET-1")))));
        byte[] edi = new X12Writer(envelope("00401", X12Delimiters.standard()))
                .write(transfer, new X12ControlNumbers(45, 10, 1), AT);
        X12Transmission back = reader.read(edi);
        assertThat(back.single().groups().getFirst().functionalId()).isEqualTo("AR");
        assertThat(back.transactions().getFirst().content()).isEqualTo(transfer);
    }

    @Test
    void a_997_rejecting_with_ak3_and_ak4_reads_back() {
        FunctionalAck997 ack = new FunctionalAck997("SW", "1234", List.of(
                new FunctionalAck997.TransactionAck("945", "0001", "A", List.of(), List.of()),
                new FunctionalAck997.TransactionAck("945", "0002", "R", List.of("5"), List.of(
                        new FunctionalAck997.SegmentError("W12", 9, "0300", "8", List.of(
                                new FunctionalAck997.ElementError("7", "235", "7", "0071179"),
                                new FunctionalAck997.ElementError("3:1", "", "1", "")))))),
                "P", 2, 2, 1, List.of());
        byte[] edi = new X12Writer(envelope("00501", X12Delimiters.standard()))
                .write(ack, new X12ControlNumbers(46, 11, 1), AT);
        X12Transmission back = reader.read(edi);
        assertThat(back.single().groups().getFirst().functionalId()).isEqualTo("FA");
        assertThat(back.transactions().getFirst().content()).isEqualTo(ack);
        assertThat(new String(edi, StandardCharsets.UTF_8)).contains("AK4*3:1**1~");
    }

    @Test
    void a_ta1_stands_in_an_interchange_of_its_own() {
        InterchangeAck ta1 = new InterchangeAck("000000031", "021104", "1405", "R", "001");
        byte[] edi = new X12Writer(envelope("00401", X12Delimiters.standard())).writeTa1(ta1, 47, AT);
        X12Interchange isa = reader.read(edi).single();
        assertThat(isa.groups()).isEmpty();
        assertThat(isa.interchangeAcks()).containsExactly(ta1);
        assertThat(isa.controlNumber()).isEqualTo("000000047");
    }

    @Test
    void data_holding_a_delimiter_is_refused_before_anything_is_written() {
        ShippingOrder940 order = newOrder();
        ShippingOrder940 broken = new ShippingOrder940(order.purpose(), "SO*1", order.purchaseOrderNumber(),
                order.shipTo(), order.otherParties(), order.references(), order.dates(), order.notes(),
                order.shipMethod(), order.lines());
        assertThatThrownBy(() -> new X12Writer(envelope("00401", X12Delimiters.standard()))
                .write(broken, new X12ControlNumbers(1, 1, 1), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W05").hasMessageContaining("*");
    }

    @Test
    void a_new_order_without_ship_to_is_refused() {
        ShippingOrder940 order = newOrder();
        ShippingOrder940 noShipTo = new ShippingOrder940(order.purpose(), "SO-1", "", null, List.of(), List.of(),
                List.of(), List.of(), null, order.lines());
        assertThatThrownBy(() -> new X12Writer(envelope("00401", X12Delimiters.standard()))
                .write(noShipTo, new X12ControlNumbers(1, 1, 1), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ship-to");
    }
}
