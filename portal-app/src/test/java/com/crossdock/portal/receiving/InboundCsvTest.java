package com.crossdock.portal.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InboundCsvTest {

    private static InboundCsv.Parsed parse(String text) {
        return InboundCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsOfOneReferenceMakeOneShipmentInFileOrder() {
        InboundCsv.Parsed parsed = parse("""
                \uFEFFReference,Carrier,Expected_On,SKU,Quantity
                PO-7,Old Dominion,2026-12-01,TEE-RED,10
                PO-8,,2026-12-03,MUG,4
                PO-7,Old Dominion,2026-12-01,TEE-BLUE,5
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.shipments()).containsOnlyKeys("PO-7", "PO-8");
        InboundShipmentCommand first = parsed.shipments().get("PO-7");
        assertThat(first.carrier()).isEqualTo("Old Dominion");
        assertThat(first.expectedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(first.lines()).containsExactly(new InboundShipmentCommand.Line("TEE-RED", 10),
                new InboundShipmentCommand.Line("TEE-BLUE", 5));
    }

    @Test
    void lotAndExpiryColumnsGiveEachLotALineAndABadExpiryIsNamed() {
        InboundCsv.Parsed parsed = parse("""
                reference,expected_on,sku,quantity,lot,expiry_on
                PO-3,2026-12-01,SERUM,4,L-A,2027-06-30
                PO-3,2026-12-01,SERUM,2,L-B,2027-09-30
                PO-3,2026-12-01,TEE,1,,
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.shipments().get("PO-3").lines()).containsExactly(
                new InboundShipmentCommand.Line("SERUM", 4, "L-A", LocalDate.of(2027, 6, 30)),
                new InboundShipmentCommand.Line("SERUM", 2, "L-B", LocalDate.of(2027, 9, 30)),
                new InboundShipmentCommand.Line("TEE", 1));
        assertThat(parse("reference,expected_on,sku,quantity,lot,expiry_on\nPO-4,2026-12-01,SERUM,4,L-A,30/06/27\n")
                .problems()).containsExactly("Row 2: expiry_on \"30/06/27\" is not a date like 2027-06-30");
    }

    @Test
    void semicolonsAndSpacedHeadersAreReadToo() {
        InboundCsv.Parsed parsed = parse("reference;expected on;sku;quantity\nPO-9;2026-12-05;CAP;2\n");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.shipments().get("PO-9").lines()).containsExactly(new InboundShipmentCommand.Line("CAP", 2));
    }

    @Test
    void everyBadRowIsNamedWithItsRowNumber() {
        InboundCsv.Parsed parsed = parse("""
                reference,expected_on,sku,quantity
                PO-1,2026-12-01,TEE,ten
                PO-1,01/12/2026,TEE,1
                ,2026-12-01,TEE,1
                PO-2,2026-12-01,TEE,1
                PO-2,2026-12-02,CAP,1
                """);

        assertThat(parsed.problems()).containsExactly("Row 2: quantity \"ten\" is not a whole number",
                "Row 3: expected_on \"01/12/2026\" is not a date like 2026-12-01",
                "Row 4: needs a reference and a SKU", "Row 6: PO-2 has two expected dates; give each shipment one");
    }

    @Test
    void aFileWithoutTheColumnsOrRowsIsRefusedAsAWhole() {
        assertThat(parse("ref,item,qty\nPO-1,TEE,1\n").problems()).singleElement().asString()
                .contains("expected_on, quantity, reference, sku");
        assertThat(parse("reference,expected_on,sku,quantity\n").problems()).containsExactly(
                "The file has a header but no rows");
        assertThat(InboundCsv.parse(new byte[0]).problems()).hasSize(1);
    }
}
