package com.crossdock.tenantconfig.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class X12ReaderFixturesTest {

    private final X12Reader reader = new X12Reader();

    private X12Transmission read(String fixture) {
        return reader.read(Fixtures.bytes(fixture));
    }

    private X12Problem refusal(String fixture) {
        return refusal(Fixtures.bytes(fixture));
    }

    private X12Problem refusal(byte[] raw) {
        X12Exception e = catchThrowableOfType(X12Exception.class, () -> reader.read(raw));
        assertThat(e).as("the input is refused").isNotNull();
        return e.problems().getFirst();
    }

    @Test
    void every_fixture_is_either_read_or_refused_with_a_position() {
        for (String name : Fixtures.ALL) {
            try {
                assertThat(read(name).interchanges()).as(name).isNotEmpty();
            } catch (X12Exception e) {
                assertThat(e.problems()).as(name).allSatisfy(p -> assertThat(p.segmentPosition()).isPositive());
            }
        }
    }

    @Test
    void a_940_with_backslash_component_separator_maps_order_parties_and_line() {
        X12Interchange isa = read("940-babelway-sample-4010-backslash-component.edi").single();
        assertThat(isa.delimiters()).isEqualTo(new X12Delimiters('*', '\\', '~', null));
        assertThat(isa.senderId()).isEqualTo("BIGETP");
        assertThat(isa.controlNumber()).isEqualTo("000575103");
        assertThat(isa.groups().getFirst().controlNumber()).isEqualTo("575103");
        ShippingOrder940 order = (ShippingOrder940) isa.groups().getFirst().transactions().getFirst().content();
        assertThat(order.purpose()).isEqualTo(ShippingOrder940.Purpose.NEW);
        assertThat(order.depositorOrderNumber()).isEqualTo("0080215659");
        assertThat(order.purchaseOrderNumber()).isEqualTo("4000207344");
        assertThat(order.shipTo()).isNotNull();
        assertThat(order.shipTo().name()).isEqualTo("Atlanta Technology");
        assertThat(order.shipTo().postalCode()).isEqualTo("100096");
        assertThat(order.dates()).containsExactly(X12Reference.of("10", "20180328"), X12Reference.of("02",
                "20180327"));
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("2");
            assertThat(line.unit()).isEqualTo("PC");
            assertThat(line.items()).containsExactly(new X12ItemId("UA", "000619002280"),
                    new X12ItemId("VN", "E000169"));
            assertThat(line.description()).isEqualTo("ET1929LM-7BOO-1-WH-G");
            assertThat(line.references()).hasSize(6).first().isEqualTo(X12Reference.of("LI", "000010"));
        });
    }

    @Test
    void a_newline_terminated_940_without_final_terminator_is_read_with_a_warning() {
        X12Transmission t = read("940-newline-terminated-ups-ground.edi");
        assertThat(t.single().delimiters().segment()).isEqualTo('\n');
        assertThat(t.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("no terminator"));
        X12Transaction tx = t.transactions().getFirst();
        assertThat(tx.controlNumber()).isEqualTo("20066");
        ShippingOrder940 order = (ShippingOrder940) tx.content();
        assertThat(order.shipMethod()).isEqualTo(new ShippingOrder940.ShipMethod("PP", "A", "UPS GROUND", ""));
        assertThat(order.lines().getFirst().items()).extracting(X12ItemId::qualifier).containsExactly("UA", "VC",
                "UP");
    }

    @Test
    void two_interchanges_with_two_groups_each_keep_their_control_numbers() {
        X12Transmission t = read("940-multi-isa-multi-gs-multi-st-newline.edi");
        assertThat(t.interchanges()).extracting(X12Interchange::controlNumber).containsExactly("000003438",
                "000003439");
        assertThat(t.interchanges().get(1).groups()).extracting(X12Group::controlNumber).containsExactly("3315",
                "3316");
        assertThat(t.transactions()).extracting(X12Transaction::controlNumber).containsExactly("0001", "0002",
                "0001", "0001", "0002", "0001");
        assertThat(t.warnings()).anySatisfy(w -> assertThat(w.describe()).startsWith("segment 21 (IEA), element "
                + "IEA02").contains("3438"));
    }

    @Test
    void the_simplot_940_is_refused_for_its_mismatched_control_numbers() {
        X12Problem p = refusal("940-simplot-4010-bom-indented.edi");
        assertThat(p.describe()).isEqualTo("segment 30 (GE), element GE02: GE02 '940001777' does not match GS06 "
                + "'177818711'");
    }

    @Test
    void the_gmi_cancel_with_a_105_character_isa_is_refused_for_isa16() {
        X12Problem p = refusal("940-gmi-cancel-delete-4010-ISA16-MISSING.edi");
        assertThat(p.segmentTag()).isEqualTo("ISA");
        assertThat(p.segmentPosition()).isEqualTo(1);
        assertThat(p.elementPosition()).isEqualTo(16);
        assertThat(p.reason()).contains("ISA16").contains("missing").contains("segment 2");
    }

    @Test
    void the_gmi_cancel_with_its_isa16_restored_reads_as_a_cancellation() {
        String text = new String(Fixtures.bytes("940-gmi-cancel-delete-4010-ISA16-MISSING.edi"),
                StandardCharsets.UTF_8).replaceFirst("\\*P\\*~", "*P*>~");
        ShippingOrder940 order = (ShippingOrder940) reader.read(text.getBytes(StandardCharsets.UTF_8))
                .transactions().getFirst().content();
        assertThat(order.purpose()).isEqualTo(ShippingOrder940.Purpose.CANCEL);
        assertThat(order.depositorOrderNumber()).isEqualTo("18061923");
        assertThat(order.notes()).containsExactly(X12Reference.of("SPH", "CANCELLED - DO NOT SHIP"));
        assertThat(order.lines()).isEmpty();
    }

    @Test
    void the_inter_american_945_is_refused_for_its_shifted_gs() {
        X12Exception e = catchThrowableOfType(X12Exception.class,
                () -> read("945-inter-american-products-5010-bom-indented.edi"));
        assertThat(e.problems()).extracting(X12Problem::describe)
                .contains("segment 3 (ST), element ST02: ST02: data element too long ('0003100001')")
                .contains("segment 20 (GE), element GE02: GE02 '31' does not match GS06 '20021104'");
    }

    @Test
    void a_transaction_without_envelope_is_refused_at_segment_one() {
        X12Problem p = refusal("945-simplot-transaction-only-no-envelope.edi");
        assertThat(p.segmentPosition()).isEqualTo(1);
        assertThat(p.segmentTag()).isEqualTo("ST");
        assertThat(p.reason()).contains("does not start with an ISA");
    }

    @Test
    void the_simplot_945_in_an_envelope_is_refused_for_its_se_count_and_misplaced_w12_item_id() {
        String body = new String(Fixtures.bytes("945-simplot-transaction-only-no-envelope.edi"),
                StandardCharsets.UTF_8);
        X12Exception e = catchThrowableOfType(X12Exception.class,
                () -> reader.read(Envelopes.wrap(body, "SW").getBytes(StandardCharsets.UTF_8)));
        assertThat(e.problems()).extracting(X12Problem::describe)
                .contains("segment 31 (SE), element SE01: SE01 says 32 but the transaction set has 29 segments "
                        + "from ST to SE")
                .anySatisfy(d -> assertThat(d).startsWith("segment 14 (W12), element W1207: product/service id "
                        + "qualifier '007117901645' must be 2 characters"));
    }

    @Test
    void an_inventory_advice_with_brace_terminator_maps_quantities_by_qualifier() {
        X12Transmission t = read("846-sanmina-tilde-element-brace-terminator.edi");
        assertThat(t.single().delimiters()).isEqualTo(new X12Delimiters('~', '>', '}', null));
        assertThat(t.warnings()).singleElement().satisfies(w -> assertThat(w.describe()).startsWith(
                "segment 1 (ISA), element ISA11"));
        InventoryAdvice846 advice = (InventoryAdvice846) t.transactions().getFirst().content();
        assertThat(advice.date()).isEqualTo("20040811");
        InventoryAdvice846.Item item = advice.items().getFirst();
        assertThat(item.ids().getFirst()).isEqualTo(new X12ItemId("BP", "46L5055"));
        assertThat(item.quantities()).containsExactly(
                new InventoryAdvice846.Quantity("34", new BigDecimal("5250"), "EA"),
                new InventoryAdvice846.Quantity("QH", new BigDecimal("100"), "EA"),
                new InventoryAdvice846.Quantity("QB", new BigDecimal("50"), "EA"),
                new InventoryAdvice846.Quantity("87", new BigDecimal("75"), "EA"));
    }

    @Test
    void the_846_with_missing_terminators_is_refused_naming_both_run_on_segments() {
        X12Exception e = catchThrowableOfType(X12Exception.class,
                () -> read("846-sanmina-star-terminator-MALFORMED.edi"));
        assertThat(e.problems()).extracting(X12Problem::describe).containsExactly(
                "segment 15 (REF), element REF05: REF has at most 4 elements but carries 5 (a segment terminator "
                        + "is probably missing)",
                "segment 25 (QTY), element QTY03: unit of measure 'FTCTT' must be 2 characters (a segment "
                        + "terminator may be missing before it)");
    }

    @Test
    void a_997_rejecting_an_837_maps_ak3_and_ak4() {
        FunctionalAck997 ack = (FunctionalAck997) read("997-5010-reject-837-syntax-errors.edi").transactions()
                .getFirst().content();
        assertThat(ack.groupControlNumber()).isEqualTo("000001");
        assertThat(ack.groupStatus()).isEqualTo("R");
        assertThat(ack.accepted()).isZero();
        FunctionalAck997.TransactionAck tx = ack.transactions().getFirst();
        assertThat(tx.controlNumber()).isEqualTo("0021");
        assertThat(tx.isAccepted()).isFalse();
        assertThat(tx.segmentErrors()).singleElement().satisfies(s -> {
            assertThat(s.tag()).isEqualTo("NM1");
            assertThat(s.position()).isEqualTo(8);
            assertThat(s.elementErrors()).containsExactly(new FunctionalAck997.ElementError("8", "66", "7", "MI"));
        });
    }

    @Test
    void an_856_with_pick_pack_hierarchy_gives_its_sscc_labels_per_pack() {
        ShipNotice856 asn = (ShipNotice856) read("856-crossdock-pick-pack-sscc-newline.edi").transactions()
                .getFirst().content();
        assertThat(asn.shipmentId()).isEqualTo("000009");
        assertThat(asn.levels()).hasSize(13);
        assertThat(asn.levels("P")).flatExtracting(l -> l.values("MAN", "GM", 2)).containsExactly(
                "00000715670002152360", "00000715670002152377", "00000715670002152384", "00000715670002152391",
                "00000715670002152111");
        assertThat(asn.levels("O")).flatExtracting(l -> l.values("PRF", "POREF00", 1)).containsExactly("POREF00");
    }

    @Test
    void the_other_856s_read_with_their_odd_delimiters() {
        ShipNotice856 pipe = (ShipNotice856) read("856-pipe-component-separator-sk-vn-items.edi").transactions()
                .getFirst().content();
        assertThat(pipe.levels("I")).hasSize(7).first().satisfies(l -> assertThat(l.values("LIN", "001", 3))
                .containsExactly("100014544"));
        X12Transmission star = read("856-tilde-element-star-terminator-backtick-component.edi");
        assertThat(star.single().delimiters()).isEqualTo(new X12Delimiters('~', '`', '*', null));
        assertThat(((ShipNotice856) star.transactions().getFirst().content()).levels("I")).hasSize(3);
        X12Transmission v4060 = read("856-4060-tilde-newline-two-items.edi");
        assertThat(v4060.single().version()).isEqualTo("00406");
        assertThat(v4060.single().delimiters().repetition()).isEqualTo('-');
    }

    @Test
    void a_214_with_an_ellipsis_terminator_is_kept_as_segments() {
        X12Transaction tx = read("214-unicode-ellipsis-segment-terminator.edi").transactions().getFirst();
        assertThat(tx.content()).isEqualTo(new X12Content.Unmapped("214"));
        assertThat(tx.segments()).hasSize(20);
        assertThat(tx.segments().get(1).element(1)).isEqualTo("0542550913");
    }

    @Test
    void the_o_umlaut_terminator_is_detected_and_the_synthetic_body_refused_at_its_test_segment() {
        X12Problem p = refusal("envelope-nonascii-O-umlaut-segment-terminator.edi");
        assertThat(p.segmentPosition()).isBetween(3, 4);
        assertThat(p.reason()).contains("cannot be tokenised");
    }

    @Test
    void a_refusal_never_lets_a_stack_trace_through_as_its_reason() {
        assertThatThrownBy(() -> reader.read("ISA*00".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(X12Exception.class).hasMessageNotContaining("\tat ");
    }
}
