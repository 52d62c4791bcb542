package com.crossdock.portal.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.crossdock.portal.catalog.AliasLine;
import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.ItemCommand;
import com.crossdock.portal.catalog.PackLine;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.support.TestDatabases;
import com.crossdock.portal.tenant.TenantCommand;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.warehouse.WmsExchange;
import com.crossdock.portal.warehouse.WmsService;
import com.crossdock.portal.warehouse.X12DocumentView;
import com.crossdock.portal.warehouse.sftp.SandboxSftpServer;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.tenant.TenantStatus;
import com.crossdock.tenantconfig.x12.ShipNotices;
import com.crossdock.tenantconfig.x12.X12ControlNumbers;
import com.crossdock.tenantconfig.x12.X12Delimiters;
import com.crossdock.tenantconfig.x12.X12Envelope;
import com.crossdock.tenantconfig.x12.X12Party;
import com.crossdock.tenantconfig.x12.X12Writer;
import com.crossdock.portal.returns.StockByStatus;
import java.time.LocalDateTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Receiving end to end against the sandbox warehouse, all real: a brand's inbound shipment goes out as a 943 over
 * SFTP, the sandbox warehouse answers with a 997 and a final 944 one unit short on the first line and one unit
 * damaged on the last, and the shipment shows what arrived with its discrepancies. The same 944 brought again in
 * another file changes nothing. A second brand at the same warehouse sees none of it.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceivingIT {

    /** The sandbox warehouse's folders, fresh for this run. */
    static final Path SANDBOX_ROOT = Path.of("target", "wms-sandbox-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry, ReceivingIT.class);
        registry.add("crossdock.wms-sandbox.root", SANDBOX_ROOT::toString);
        registry.add("crossdock.wms-sandbox.receiving", () -> "SHORT_AND_DAMAGED");
    }

    @Autowired TenantService tenants;
    @Autowired CatalogService catalog;
    @Autowired ReceivingService receiving;
    @Autowired InboundReceipts receipts;
    @Autowired WmsService wms;
    @Autowired WmsExchange exchange;
    @Autowired SandboxSftpServer sftp;
    @Autowired com.crossdock.portal.returns.ReturnsService returns;

    static final X12Envelope SUPPLIER = new X12Envelope(X12Delimiters.standard(), "00401", "ZZ", "SUPPLIERCO", "ZZ",
            "APPAREL", "SUPPLIERCO", "APPAREL", true, true);

    TenantId apparel;
    TenantId home;
    UUID warehouse;

    @BeforeAll
    void twoTenantsAtOneSandboxWarehouse() {
        asSystem(() -> {
            apparel = tenants.create(new TenantCommand("Apparel", "APP", TenantStatus.ACTIVE, null, null)).id();
            home = tenants.create(new TenantCommand("Home", "HOME", TenantStatus.ACTIVE, null, null)).id();
            for (String sku : List.of("TEE-RED", "TEE-BLUE")) {
                catalog.save(apparel, null, new ItemCommand(sku, sku, ItemStatus.ACTIVE, false, false, false, false,
                        List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                        List.<AliasLine>of()), 0);
            }
            catalog.save(home, null, new ItemCommand("MUG", "Mug", ItemStatus.ACTIVE, false, false, false, false,
                    List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)), List.<AliasLine>of()), 0);
            warehouse = wms.connectSandbox("Receiving DC").id();
            wms.assignAccount(apparel, warehouse, "APPAREL");
            wms.assignAccount(home, warehouse, "HOME");
            return null;
        });
    }

    @Test
    @Order(1)
    void aShipmentNeedsSkusOfTheBrandsOwnCatalogAndAReferenceOfItsOwn() {
        assertThatThrownBy(() -> asSystem(() -> receiving.create(apparel, new InboundShipmentCommand("PO-1",
                "", LocalDate.of(2026, 12, 1), List.of(new InboundShipmentCommand.Line("MUG", 3))))))
                .as("the other brand's SKU is not in this catalog")
                .isInstanceOfSatisfying(ReceivingValidationException.class, refused -> assertThat(
                        refused.fieldErrors()).containsKey("lines").extractingByKey("lines").asString()
                        .contains("MUG"));
        assertThatThrownBy(() -> asSystem(() -> receiving.create(apparel, new InboundShipmentCommand("PO 1*",
                "", null, List.of()))))
                .isInstanceOfSatisfying(ReceivingValidationException.class, refused -> assertThat(
                        refused.fieldErrors()).containsKeys("reference", "expectedOn", "lines"));
        assertThat(shipments(apparel)).isEmpty();
    }

    @Test
    @Order(2)
    void aReadyShipmentGoesOutAsA943AndTheWarehousesShortAndDamaged944BecomesDiscrepancies() {
        InboundShipmentView created = asSystem(() -> receiving.create(apparel, new InboundShipmentCommand(
                "PO-1001", "Old Dominion", LocalDate.of(2026, 12, 1), List.of(
                        new InboundShipmentCommand.Line("tee-red", 10), new InboundShipmentCommand.Line("TEE-BLUE",
                                5)))));
        assertThat(created.status()).isEqualTo(InboundStatus.DRAFT);
        assertThat(created.lines()).extracting(InboundShipmentView.Line::sku).as("as the catalog spells them")
                .containsExactly("TEE-RED", "TEE-BLUE");

        WmsExchange.Outcome before = exchange.exchange(warehouse);
        assertThat(before.advicesSent()).as("a draft stays with the brand").isZero();

        asSystem(() -> receiving.sendToWarehouse(apparel, created.id()));
        WmsExchange.Outcome outcome = exchange.exchange(warehouse);

        assertThat(outcome.advicesSent()).isEqualTo(1);
        assertThat(outcome.filesRead()).as("the warehouse's 997 and 944").isEqualTo(2);
        assertThat(outcome.filesQuarantined()).isZero();
        assertThat(documents(apparel)).extracting(X12DocumentView::direction, X12DocumentView::transactionSet,
                X12DocumentView::status).contains(tuple("OUTBOUND", "943", "SENT"), tuple("INBOUND", "944", "APPLIED"),
                tuple("INBOUND", "997", "APPLIED"));
        assertThat(documents(apparel)).filteredOn(document -> document.transactionSet().equals("943"))
                .singleElement().satisfies(sent -> {
                    assertThat(sent.ackStatus()).isEqualTo("ACCEPTED");
                    assertThat(sent.segments()).contains("W06*N*PO-1001").contains("N1*DE*APPAREL")
                            .contains("W04*10*EA**VN*TEE-RED");
                });

        InboundShipmentView received = shipments(apparel).getFirst();
        assertThat(received.status()).isEqualTo(InboundStatus.RECEIVED_WITH_DISCREPANCIES);
        assertThat(received.lines()).extracting(InboundShipmentView.Line::sku, InboundShipmentView.Line::expected,
                InboundShipmentView.Line::received, InboundShipmentView.Line::damaged)
                .containsExactly(tuple("TEE-RED", 10, 9, 0), tuple("TEE-BLUE", 5, 5, 1));
        assertThat(received.discrepancies()).extracting(ReceivingDiscrepancyView::sku, ReceivingDiscrepancyView::kind,
                ReceivingDiscrepancyView::expected, ReceivingDiscrepancyView::received).containsExactlyInAnyOrder(
                        tuple("TEE-RED", DiscrepancyKind.SHORT, 10, 9),
                        tuple("TEE-BLUE", DiscrepancyKind.DAMAGED, 5, 1));
        assertThat(shipments(home)).as("the other brand at the same warehouse").isEmpty();
        assertThat(documents(home)).isEmpty();
    }

    @Test
    @Order(3)
    void theSame944BroughtAgainInAnotherFileChangesNothing() throws IOException {
        InboundShipmentView before = shipments(apparel).getFirst();
        Path root = sftp.rootOf(sandboxUser());
        Path archived;
        try (Stream<Path> files = Files.list(root.resolve("archive"))) {
            archived = files.filter(Files::isRegularFile).filter(file -> read(file).contains("ST*944")).findFirst()
                    .orElseThrow();
        }
        Files.copy(archived, root.resolve("from-wms").resolve("again-" + archived.getFileName()));

        WmsExchange.Outcome outcome = exchange.exchange(warehouse);

        assertThat(outcome.filesQuarantined()).isZero();
        assertThat(outcome.documentsApplied()).as("the 944 again, and the sandbox's answers to the portal's 997s")
                .isZero();
        assertThat(shipments(apparel).getFirst()).isEqualTo(before);
        assertThat(documents(apparel)).filteredOn(document -> document.transactionSet().equals("944"))
                .extracting(X12DocumentView::status).containsExactlyInAnyOrder("APPLIED", "IGNORED");
    }

    @Test
    @Order(4)
    void aDiscrepancyIsResolvedWithItsRootCauseAndOnlyOnce() {
        ReceivingDiscrepancyView shortOne = shipments(apparel).getFirst().discrepancies().stream()
                .filter(d -> d.kind() == DiscrepancyKind.SHORT).findFirst().orElseThrow();

        assertThatThrownBy(() -> asSystem(() -> {
            receiving.resolve(apparel, shortOne.id(), DiscrepancyResolution.CLAIM, " ");
            return null;
        })).isInstanceOf(ReceivingValidationException.class);
        asSystem(() -> {
            receiving.resolve(apparel, shortOne.id(), DiscrepancyResolution.CLAIM,
                    "Supplier packed 9; credit note requested");
            return null;
        });

        assertThat(shipments(apparel).getFirst().discrepancies()).filteredOn(d -> d.id().equals(shortOne.id()))
                .singleElement().satisfies(d -> {
                    assertThat(d.resolved()).isTrue();
                    assertThat(d.note()).isEqualTo("Supplier packed 9; credit note requested");
                    assertThat(d.resolution()).isEqualTo(DiscrepancyResolution.CLAIM);
                    assertThat(d.resolvedBy()).isEqualTo("system:test");
                    assertThat(d.resolvedAt()).isNotNull();
                });
        assertThatThrownBy(() -> asSystem(() -> {
            receiving.resolve(apparel, shortOne.id(), DiscrepancyResolution.ACCEPT, "again");
            return null;
        })).isInstanceOf(ReceivingValidationException.class);
        assertThatThrownBy(() -> asSystem(() -> {
            receiving.resolve(home, shortOne.id(), DiscrepancyResolution.ACCEPT, "from the other brand");
            return null;
        })).as("another tenant's discrepancy is not found").isInstanceOf(ReceivingValidationException.class);
    }

    @Test
    @Order(5)
    void peopleMoveAShipmentInTransitToArrivedAndCloseItOnlyOnceEveryDiscrepancyIsResolved() {
        InboundShipmentView draft = asSystem(() -> receiving.create(apparel, new InboundShipmentCommand("PO-1002",
                "", LocalDate.of(2026, 12, 2), List.of(new InboundShipmentCommand.Line("TEE-RED", 4)))));
        assertThatThrownBy(() -> asSystem(() -> receiving.advance(apparel, draft.id(), InboundStatus.IN_TRANSIT)))
                .as("a draft is not sent yet").isInstanceOf(ReceivingValidationException.class);
        asSystem(() -> receiving.sendToWarehouse(apparel, draft.id()));
        asSystem(() -> {
            receipts.markAdvised(apparel, draft.id(), "test: announced");
            return null;
        });
        assertThat(asSystem(() -> receiving.advance(apparel, draft.id(), InboundStatus.IN_TRANSIT)).status())
                .isEqualTo(InboundStatus.IN_TRANSIT);
        assertThat(asSystem(() -> receiving.advance(apparel, draft.id(), InboundStatus.ARRIVED)).status())
                .isEqualTo(InboundStatus.ARRIVED);
        assertThatThrownBy(() -> asSystem(() -> receiving.advance(apparel, draft.id(), InboundStatus.RECEIVED)))
                .as("the warehouse's receipts say what arrived").isInstanceOf(ReceivingValidationException.class);

        InboundShipmentView first = shipments(apparel).stream().filter(s -> s.reference().equals("PO-1001"))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> asSystem(() -> receiving.advance(apparel, first.id(), InboundStatus.CLOSED)))
                .isInstanceOfSatisfying(ReceivingValidationException.class, refused -> assertThat(
                        refused.fieldErrors().get("status")).contains("open discrepancies"));
        first.discrepancies().stream().filter(d -> !d.resolved()).forEach(d -> asSystem(() -> {
            receiving.resolve(apparel, d.id(), DiscrepancyResolution.ADJUST, "Counted again at the dock");
            return null;
        }));
        assertThat(asSystem(() -> receiving.advance(apparel, first.id(), InboundStatus.CLOSED)).status())
                .isEqualTo(InboundStatus.CLOSED);
        assertThatThrownBy(() -> asSystem(() -> receiving.advance(home, first.id(), InboundStatus.CLOSED)))
                .as("the other brand").isInstanceOf(ReceivingValidationException.class);
    }

    @Test
    @Order(6)
    void aCsvFromTheBrandsOwnSystemCreatesItsShipmentsAllOrNothing() {
        byte[] bad = """
                reference,carrier,expected_on,sku,quantity
                PO-2001,UPS,2026-12-09,TEE-RED,3
                PO-2002,UPS,2026-12-09,MUG,3
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> asSystem(() -> receiving.importCsv(apparel, "asn.csv", bad)))
                .as("the other brand's SKU").isInstanceOfSatisfying(ReceivingValidationException.class, refused ->
                        assertThat(refused.fieldErrors().get("file")).contains("PO-2002").contains("MUG")
                                .startsWith("Nothing was created"));
        assertThat(shipments(apparel)).extracting(InboundShipmentView::reference).doesNotContain("PO-2001");

        byte[] good = """
                reference,carrier,expected_on,sku,quantity
                PO-2001,UPS,2026-12-09,tee-red,3
                PO-2001,UPS,2026-12-09,TEE-BLUE,2
                PO-2002,,2026-12-10,TEE-BLUE,7
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<InboundShipmentView> created = asSystem(() -> receiving.importCsv(apparel, "asn.csv", good));

        assertThat(created).extracting(InboundShipmentView::reference, InboundShipmentView::status,
                InboundShipmentView::expectedUnits).containsExactlyInAnyOrder(
                        tuple("PO-2001", InboundStatus.DRAFT, 5), tuple("PO-2002", InboundStatus.DRAFT, 7));
        assertThatThrownBy(() -> asSystem(() -> receiving.importCsv(apparel, "asn.csv", good)))
                .as("the same file twice").isInstanceOfSatisfying(ReceivingValidationException.class, refused ->
                        assertThat(refused.fieldErrors().get("file")).contains("exists already"));
        assertThat(shipments(home)).extracting(InboundShipmentView::reference).doesNotContain("PO-2001");
    }

    @Test
    @Order(7)
    void anX12ShipNoticeFromTheBrandsSupplierCreatesItsShipmentAndOneTheCatalogCannotTakeSaysWhy() {
        X12Party from = X12Party.named("SF", "Supplier Co", "", "");
        X12Party to = X12Party.named("ST", "Receiving DC", "", "");
        byte[] asn = new X12Writer(SUPPLIER).write(ShipNotices.of(new ShipNotices.Shipment("ASN-4001",
                LocalDateTime.of(2026, 12, 2, 9, 30), "ODFL", "LTL", "PO-4001", from, to, List.of(
                        new ShipNotices.Carton("000123450000000017", "", List.of(new ShipNotices.Item("TEE-RED",
                                null, 12), new ShipNotices.Item("TEE-BLUE", null, 6))),
                        new ShipNotices.Carton(null, "", List.of(new ShipNotices.Item("TEE-RED", null, 4)))))),
                new X12ControlNumbers(71, 71, 1), LocalDateTime.of(2026, 12, 2, 9, 31));

        List<InboundShipmentView> created = asSystem(() -> receiving.importCsv(apparel, "asn-4001.edi", asn));

        assertThat(created).singleElement().satisfies(shipment -> {
            assertThat(shipment.reference()).isEqualTo("ASN-4001");
            assertThat(shipment.carrier()).isEqualTo("ODFL");
            assertThat(shipment.expectedOn()).isEqualTo(LocalDate.of(2026, 12, 2));
            assertThat(shipment.status()).isEqualTo(InboundStatus.DRAFT);
            assertThat(shipment.lines()).extracting(InboundShipmentView.Line::sku, InboundShipmentView.Line::expected)
                    .containsExactly(tuple("TEE-RED", 16), tuple("TEE-BLUE", 6));
        });
        byte[] otherBrands = new X12Writer(SUPPLIER).write(ShipNotices.of(new ShipNotices.Shipment("ASN-4002",
                LocalDateTime.of(2026, 12, 2, 9, 30), "ODFL", "", "PO-4002", from, to, List.of(
                        new ShipNotices.Carton(null, "", List.of(new ShipNotices.Item("MUG", null, 2)))))),
                new X12ControlNumbers(72, 72, 1), LocalDateTime.of(2026, 12, 2, 9, 31));
        assertThatThrownBy(() -> asSystem(() -> receiving.importCsv(apparel, "asn-4002.edi", otherBrands)))
                .isInstanceOfSatisfying(ReceivingValidationException.class, refused -> assertThat(
                        refused.fieldErrors().get("file")).contains("ASN-4002").contains("MUG"));
        byte[] broken = new String(asn, java.nio.charset.StandardCharsets.UTF_8).replace("SE*", "SE*9")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> asSystem(() -> receiving.importCsv(apparel, "broken.edi", broken)))
                .isInstanceOfSatisfying(ReceivingValidationException.class, refused -> assertThat(
                        refused.fieldErrors().get("file")).contains("cannot be read").contains("SE"));
        assertThat(shipments(home)).extracting(InboundShipmentView::reference).doesNotContain("ASN-4001");
    }

    @Test
    @Order(8)
    void aShipmentArrivesOverTwo944sWithADamagedCartonIsSettledAndStockShowsEachStatus() throws IOException {
        asSystem(() -> wms.setSandboxBehaviour(warehouse, "SPLIT_CARTONS", 1440));
        Map<String, StockByStatus> before = stock(apparel);
        InboundShipmentView shipment = asSystem(() -> receiving.create(apparel, new InboundShipmentCommand(
                "PO-5001", "Old Dominion", LocalDate.of(2026, 12, 3), List.of(
                        new InboundShipmentCommand.Line("TEE-RED", 6), new InboundShipmentCommand.Line("TEE-BLUE",
                                4)))));
        asSystem(() -> receiving.sendToWarehouse(apparel, shipment.id()));
        assertThat(exchange.exchange(warehouse).advicesSent()).as("the 943 goes out; the warehouse takes its time")
                .isEqualTo(1);
        Path inbox = sftp.rootOf(sandboxUser()).resolve("from-wms");

        Files.writeString(inbox.resolve("944-day-1.edi"), receipt(801, "P", "R-5001-1", "W07*3*EA**VN*TEE-RED"));
        exchange.exchange(warehouse);
        assertThat(shipment(shipment.id()).status()).as("partly received").isEqualTo(InboundStatus.RECEIVING);

        Files.writeString(inbox.resolve("944-day-2.edi"), receipt(802, "F", "R-5001-2", "W07*3*EA**VN*TEE-RED",
                "W13*1*EA*01", "W07*3*EA**VN*TEE-BLUE"));
        Files.writeString(inbox.resolve("944-day-2-again.edi"), receipt(802, "F", "R-5001-2",
                "W07*3*EA**VN*TEE-RED", "W13*1*EA*01", "W07*3*EA**VN*TEE-BLUE"));
        exchange.exchange(warehouse);

        InboundShipmentView received = shipment(shipment.id());
        assertThat(received.status()).isEqualTo(InboundStatus.RECEIVED_WITH_DISCREPANCIES);
        assertThat(received.lines()).extracting(InboundShipmentView.Line::sku, InboundShipmentView.Line::received,
                InboundShipmentView.Line::damaged).as("the second day's 944 counted once")
                .containsExactly(tuple("TEE-RED", 6, 1), tuple("TEE-BLUE", 3, 0));
        assertThat(received.discrepancies()).extracting(ReceivingDiscrepancyView::sku, ReceivingDiscrepancyView::kind)
                .containsExactlyInAnyOrder(tuple("TEE-RED", DiscrepancyKind.DAMAGED),
                        tuple("TEE-BLUE", DiscrepancyKind.SHORT));
        for (ReceivingDiscrepancyView discrepancy : received.discrepancies()) {
            asSystem(() -> {
                receiving.resolve(apparel, discrepancy.id(), discrepancy.kind() == DiscrepancyKind.DAMAGED
                        ? DiscrepancyResolution.CLAIM : DiscrepancyResolution.ACCEPT, "Settled with the supplier");
                return null;
            });
        }
        assertThat(shipment(shipment.id()).openDiscrepancies()).isZero();
        assertThat(asSystem(() -> receiving.advance(apparel, shipment.id(), InboundStatus.CLOSED)).status())
                .isEqualTo(InboundStatus.CLOSED);
        Map<String, StockByStatus> after = stock(apparel);
        assertThat(after.get("TEE-RED").damaged() - damaged(before, "TEE-RED")).as("the damaged unit").isEqualTo(1);
        assertThat(after.get("TEE-RED").available() - available(before, "TEE-RED")).isEqualTo(5);
        assertThat(after.get("TEE-BLUE").damaged() - damaged(before, "TEE-BLUE")).isZero();
        assertThat(after.get("TEE-BLUE").available() - available(before, "TEE-BLUE")).isEqualTo(3);
        assertThat(asSystem(() -> returns.stockByStatus(home))).extracting(StockByStatus::sku)
                .doesNotContain("TEE-RED", "TEE-BLUE");
    }

    @Test
    @Order(9)
    void lotsAndExpiryGoOutInThe943AndALotTheShipmentDidNotAnnounceIsALotDiscrepancy() throws IOException {
        asSystem(() -> catalog.save(apparel, null, new ItemCommand("SERUM", "Face serum", ItemStatus.ACTIVE, true,
                true, false, false, List.of(new PackLine(PackLevel.EACH, 1, null, null, null, null, null)),
                List.<AliasLine>of()), 0));
        LocalDate arrival = LocalDate.of(2026, 12, 10);
        assertThatThrownBy(() -> asSystem(() -> receiving.create(apparel, new InboundShipmentCommand("PO-6000", "",
                arrival, List.of(new InboundShipmentCommand.Line("SERUM", 4))))))
                .isInstanceOfSatisfying(ReceivingValidationException.class, refused -> assertThat(
                        refused.fieldErrors().get("lots")).contains("SERUM is lot tracked"));
        assertThatThrownBy(() -> asSystem(() -> receiving.create(apparel, new InboundShipmentCommand("PO-6000", "",
                arrival, List.of(new InboundShipmentCommand.Line("SERUM", 4, "L-A", arrival.minusDays(1)))))))
                .isInstanceOfSatisfying(ReceivingValidationException.class, refused -> assertThat(
                        refused.fieldErrors().get("lots")).contains("expires on 2026-12-09, before it arrives"));
        assertThatThrownBy(() -> asSystem(() -> receiving.create(apparel, new InboundShipmentCommand("PO-6000", "",
                arrival, List.of(new InboundShipmentCommand.Line("TEE-RED", 4, "L-A", null))))))
                .isInstanceOfSatisfying(ReceivingValidationException.class, refused -> assertThat(
                        refused.fieldErrors().get("lots")).contains("TEE-RED is not lot tracked"));

        InboundShipmentView shipment = asSystem(() -> receiving.create(apparel, new InboundShipmentCommand(
                "PO-6001", "", arrival, List.of(
                        new InboundShipmentCommand.Line("SERUM", 4, "L-A", LocalDate.of(2027, 6, 30)),
                        new InboundShipmentCommand.Line("SERUM", 2, "L-B", LocalDate.of(2027, 9, 30)),
                        new InboundShipmentCommand.Line("TEE-RED", 1)))));
        asSystem(() -> receiving.sendToWarehouse(apparel, shipment.id()));
        assertThat(exchange.exchange(warehouse).advicesSent()).isEqualTo(1);
        assertThat(documents(apparel)).filteredOn(document -> document.transactionSet().equals("943")
                && document.segments().contains("PO-6001")).singleElement().satisfies(sent -> assertThat(
                        sent.segments()).contains("W04*4*EA**VN*SERUM***L-A").contains("N9*ZZ*20270630*EXPIRY")
                        .contains("W04*2*EA**VN*SERUM***L-B").contains("N9*ZZ*20270930*EXPIRY")
                        .contains("W04*1*EA**VN*TEE-RED"));

        Path inbox = sftp.rootOf(sandboxUser()).resolve("from-wms");
        Files.writeString(inbox.resolve("944-lots.edi"), receiptFor("PO-6001", 901, "F", "R-6001",
                "W07*4*EA**VN*SERUM***L-A", "N9*ZZ*20270630*EXPIRY", "W07*2*EA**VN*SERUM***L-C",
                "N9*ZZ*20270131*EXPIRY", "W07*1*EA**VN*TEE-RED"));
        exchange.exchange(warehouse);

        InboundShipmentView received = shipment(shipment.id());
        assertThat(received.lines()).extracting(InboundShipmentView.Line::sku, InboundShipmentView.Line::lot,
                InboundShipmentView.Line::expected, InboundShipmentView.Line::received).as("the unannounced lot's "
                        + "units are counted on the SKU's first line").containsExactly(tuple("SERUM", "L-A", 4, 6),
                        tuple("SERUM", "L-B", 2, 0), tuple("TEE-RED", "", 1, 1));
        assertThat(received.discrepancies()).as("over and short are the SKU's over all its lots: 6 of 6")
                .singleElement().satisfies(lot -> {
                    assertThat(lot.kind()).isEqualTo(DiscrepancyKind.LOT);
                    assertThat(lot.received()).isEqualTo(2);
                    assertThat(lot.detail()).isEqualTo("Announced lot L-A, L-B; received lot L-C expiring 2027-01-31");
                });
        assertThat(received.status()).isEqualTo(InboundStatus.RECEIVED_WITH_DISCREPANCIES);
        assertThat(shipments(home)).as("the other brand").isEmpty();
    }

    private Map<String, StockByStatus> stock(TenantId tenant) {
        Map<String, StockByStatus> bySku = new java.util.HashMap<>();
        asSystem(() -> returns.stockByStatus(tenant)).forEach(row -> bySku.put(row.sku(), row));
        return bySku;
    }

    private static int damaged(Map<String, StockByStatus> stock, String sku) {
        return stock.containsKey(sku) ? stock.get(sku).damaged() : 0;
    }

    private static int available(Map<String, StockByStatus> stock, String sku) {
        return stock.containsKey(sku) ? stock.get(sku).available() : 0;
    }

    private InboundShipmentView shipment(UUID id) {
        return shipments(apparel).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** A 944 from the sandbox warehouse for the apparel brand's shipment PO-5001. */
    private static String receipt(int control, String reporting, String receiptNumber, String... lines) {
        return receiptFor("PO-5001", control, reporting, receiptNumber, lines);
    }

    /** A 944 from the sandbox warehouse for one of the apparel brand's shipments. */
    private static String receiptFor(String shipment, int control, String reporting, String receiptNumber,
            String... lines) {
        StringBuilder x = new StringBuilder("ISA*00*          *00*          *ZZ*SANDBOXWMS     *ZZ*CROSSDOCK      "
                + "*261203*1200*U*00401*%09d*0*T*>~".formatted(control));
        x.append("GS*RE*SANDBOXWMS*CROSSDOCK*20261203*1200*").append(control).append("*X*004010~ST*944*0001~");
        List<String> body = new java.util.ArrayList<>(List.of("W17*" + reporting + "*20261203*" + receiptNumber
                + "*" + shipment, "N1*DE*APPAREL*91*APPAREL"));
        body.addAll(List.of(lines));
        body.forEach(segment -> x.append(segment).append('~'));
        x.append("SE*").append(body.size() + 2).append("*0001~GE*1*").append(control).append("~IEA*1*")
                .append("%09d".formatted(control)).append('~');
        return x.toString();
    }

    private String sandboxUser() {
        return asSystem(() -> wms.connections()).stream().filter(c -> c.id().equals(warehouse)).findFirst()
                .orElseThrow().username();
    }

    private List<InboundShipmentView> shipments(TenantId tenant) {
        return asSystem(() -> receiving.shipments(tenant));
    }

    private List<X12DocumentView> documents(TenantId tenant) {
        return asSystem(() -> wms.documents(tenant, 100));
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
