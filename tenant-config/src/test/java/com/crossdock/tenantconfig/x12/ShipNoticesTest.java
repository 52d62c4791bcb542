package com.crossdock.tenantconfig.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 856 a brand sends its retail partner: written from a shipment and read back as the same hierarchy. */
class ShipNoticesTest {

    private static final X12Envelope BRAND_TO_RETAILER = new X12Envelope(X12Delimiters.standard(), "00401", "ZZ",
            "HARBOR", "08", "6113310072", "HARBOR", "6113310072", true, true);

    static ShipNotices.Shipment twoCartons() {
        X12Party from = new X12Party("SF", "Harbor & Pine c/o Louisville DC", "", "", List.of("100 Dock Rd"),
                "Louisville", "KY", "40202", "US");
        X12Party to = new X12Party("ST", "Retailer DC 7", "92", "0007", List.of("9 Market St"), "Columbus", "OH",
                "43004", "US");
        return new ShipNotices.Shipment("CD-1001", LocalDateTime.of(2026, 11, 27, 15, 30), "UPSN", "GROUND",
                "PO-55501", from, to, List.of(
                        new ShipNotices.Carton("00000000000000000017", "1Z999AA10123456784", List.of(
                                new ShipNotices.Item("HP-TEE-BLK-M", "012345678905", 2),
                                new ShipNotices.Item("HP-MUG-WHT", null, 1))),
                        new ShipNotices.Carton(null, "1Z999AA10123456795", List.of(
                                new ShipNotices.Item("HP-MUG-WHT", null, 3)))));
    }

    @Test
    void an_order_shipped_in_two_cartons_reads_back_as_shipment_order_two_packs_and_their_items() {
        byte[] edi = new X12Writer(BRAND_TO_RETAILER).write(ShipNotices.of(twoCartons()),
                new X12ControlNumbers(41, 41, 1), LocalDateTime.of(2026, 11, 27, 16, 0));

        X12Transmission back = new X12Reader().read(edi);

        assertThat(back.single().groups().getFirst().functionalId()).isEqualTo("SH");
        ShipNotice856 notice = (ShipNotice856) back.transactions().getFirst().content();
        assertThat(notice.shipmentId()).isEqualTo("CD-1001");
        assertThat(notice.levels()).extracting(ShipNotice856.Level::code)
                .containsExactly("S", "O", "P", "I", "I", "P", "I");
        assertThat(notice.levels("P")).extracting(level -> level.parentId()).containsOnly("2");
        assertThat(notice.levels("P").getFirst().values("MAN", "GM", 2)).containsExactly("00000000000000000017");
        assertThat(notice.levels("P").get(1).values("MAN", "GM", 2)).as("no SSCC: tracking only").isEmpty();
        assertThat(notice.levels("P").get(1).values("MAN", "CP", 2)).containsExactly("1Z999AA10123456795");
        assertThat(notice.levels("I").getFirst().values("LIN", "", 3)).containsExactly("HP-TEE-BLK-M");
        assertThat(new String(edi, StandardCharsets.UTF_8))
                .contains("BSN*00*CD-1001*20261127*1530*0001~")
                .contains("TD1*CTN25*2~")
                .contains("TD5*B*2*UPSN**GROUND~")
                .contains("PRF*PO-55501~")
                .contains("LIN**VN*HP-TEE-BLK-M*UP*012345678905~")
                .contains("SN1**3*EA~")
                .contains("CTT*7~");
    }

    @Test
    void a_notice_without_cartons_or_po_or_with_a_bad_sscc_says_what_is_missing() {
        ShipNotices.Shipment ok = twoCartons();
        assertThatThrownBy(() -> ShipNotices.of(new ShipNotices.Shipment("CD-1", ok.shippedAt(), "", "", "PO-1",
                ok.shipFrom(), ok.shipTo(), List.of()))).hasMessageContaining("at least one carton");
        assertThatThrownBy(() -> ShipNotices.of(new ShipNotices.Shipment("CD-1", ok.shippedAt(), "", "", " ",
                ok.shipFrom(), ok.shipTo(), ok.cartons()))).hasMessageContaining("PO number");
        assertThatThrownBy(() -> ShipNotices.of(new ShipNotices.Shipment("CD-1", ok.shippedAt(), "", "", "PO-1",
                ok.shipFrom(), ok.shipTo(), List.of(new ShipNotices.Carton("123", "", List.of(
                        new ShipNotices.Item("A", null, 1))))))).hasMessageContaining("18 digits");
    }
}
