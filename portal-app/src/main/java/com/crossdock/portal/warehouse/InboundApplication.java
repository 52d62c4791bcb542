package com.crossdock.portal.warehouse;

import com.crossdock.portal.receiving.InboundReceipt;
import com.crossdock.portal.receiving.InboundReceipts;
import com.crossdock.portal.sync.WarehouseFeedback;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.warehouse.x12.WmsDocuments;
import com.crossdock.portal.warehouse.x12.WmsInbound;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.x12.X12Transmission;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the transactions of a kept inbound file to the tenants their customer codes (or order numbers) name:
 * 945 → shipments, 944 → receipts, 846 → stock, 947 → adjustments, 997 → acknowledgements. Each application is
 * idempotent, so a file applied again (reprocessed after a fix) changes only what was not applied before. What
 * cannot be used is recorded, never dropped: a transaction the portal cannot read as business data is rejected (for
 * the 997) and becomes an exception of its tenant with the raw file; one that names no known customer is listed in
 * the file's problem for the platform admin.
 */
@Component
class InboundApplication {

    private static final Logger log = LoggerFactory.getLogger(InboundApplication.class);

    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final WmsLedger ledger;
    private final WarehouseFeedback warehouse;
    private final InboundReceipts receipts;
    private final Clock clock;
    private final WmsDocuments documents = new WmsDocuments();

    InboundApplication(TenantTransactions transactions, JdbcClient jdbc, WmsLedger ledger,
            WarehouseFeedback warehouse, InboundReceipts receipts, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.warehouse = warehouse;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** A transaction the 997 rejects, with the reason. */
    record Rejection(WmsInbound.Control control, String reason) {
    }

    /**
     * What applying a file did.
     *
     * @param applied    the transactions (carton groups of a 945 count each) that changed something
     * @param rejections transactions that cannot be used as sent; the 997 rejects them
     * @param unplaced   transactions that name no customer of this warehouse, for the file's problem
     */
    record Result(int applied, List<Rejection> rejections, List<String> unplaced) {

        /** The ST02s to reject in the 997 of a group. */
        Set<String> rejectedIn(String groupControlNumber) {
            return rejections.stream().filter(r -> r.control().group().equals(groupControlNumber))
                    .map(r -> r.control().transaction()).collect(java.util.stream.Collectors.toSet());
        }

        /** The file's problem for the platform admin; empty when every transaction found its tenant and was used. */
        String problem() {
            List<String> parts = new ArrayList<>();
            rejections.forEach(r -> parts.add(r.control().transactionSet() + " " + r.control().transaction() + ": "
                    + r.reason()));
            parts.addAll(unplaced);
            return String.join("; ", parts);
        }
    }

    /**
     * Applies every transaction of {@code transmission}, skipping those whose control numbers (ISA13/GS06/ST02) are in
     * {@code done}: already applied from this file.
     */
    Result apply(String connectionName, Map<String, TenantId> accounts, UUID fileId, X12Transmission transmission,
            byte[] content, Set<String> done) {
        int applied = 0;
        Map<String, Rejection> rejections = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        String segments = readable(content);
        Map<TenantId, List<WmsInbound>> byTenant = new LinkedHashMap<>();
        for (WmsInbound inbound : documents.read(transmission)) {
            WmsInbound.Control control = inbound.control();
            if (done.contains(key(control))) {
                continue;
            }
            if (inbound instanceof WmsInbound.Acknowledged ack) {
                applied += acknowledged(accounts, fileId, ack, segments) ? 1 : 0;
                continue;
            }
            Optional<TenantId> tenant = placement(accounts, inbound);
            if (tenant.isPresent()) {
                byTenant.computeIfAbsent(tenant.get(), t -> new ArrayList<>()).add(inbound);
            } else if (inbound instanceof WmsInbound.Unusable || inbound instanceof WmsInbound.Unsupported) {
                rejections.putIfAbsent(key(control), new Rejection(control, unplacedReason(inbound)));
            } else {
                log.warn("{} {} from {}: {}", control.transactionSet(), control.transaction(), connectionName,
                        unplacedReason(inbound));
                unplaced.add(control.transactionSet() + " " + control.transaction() + ": " + unplacedReason(inbound));
            }
        }
        // one transaction per tenant and file: a tenant's part of a file is applied whole or not at all
        for (Map.Entry<TenantId, List<WmsInbound>> group : byTenant.entrySet()) {
            TenantId tenant = group.getKey();
            List<Outcome> outcomes = transactions.write(tenant, () -> group.getValue().stream()
                    .map(inbound -> applyOne(tenant, fileId, inbound, content, segments)).toList());
            for (int i = 0; i < outcomes.size(); i++) {
                WmsInbound.Control control = group.getValue().get(i).control();
                switch (outcomes.get(i)) {
                    case Outcome.Applied a -> applied++;
                    case Outcome.Unchanged u -> {
                    }
                    case Outcome.Rejected r -> rejections.putIfAbsent(key(control), new Rejection(control,
                            r.reason()));
                }
            }
        }
        return new Result(applied, List.copyOf(rejections.values()), unplaced);
    }

    /** The tenant a transaction is for: by its customer code, or for a 945 by the order number the portal issued. */
    private Optional<TenantId> placement(Map<String, TenantId> accounts, WmsInbound inbound) {
        return switch (inbound) {
            case WmsInbound.Shipped shipped -> tenantOf(accounts, shipped.customerCode(),
                    shipped.depositorOrderNumber());
            case WmsInbound.Received received -> tenantOf(accounts, received.customerCode(), null);
            case WmsInbound.Stock stock -> tenantOf(accounts, stock.customerCode(), null);
            case WmsInbound.Adjusted adjusted -> tenantOf(accounts, adjusted.customerCode(), null);
            case WmsInbound.Unusable unusable -> tenantOf(accounts, unusable.customerCode(), null);
            case WmsInbound.Acknowledged ack -> Optional.empty();
            case WmsInbound.Unsupported unsupported -> Optional.empty();
        };
    }

    private static String unplacedReason(WmsInbound inbound) {
        return switch (inbound) {
            case WmsInbound.Unusable unusable -> unusable.reason();
            case WmsInbound.Unsupported unsupported -> "a " + unsupported.transactionSet()
                    + " is not taken from a warehouse";
            case WmsInbound.Shipped shipped -> "names no customer of this warehouse (" + shipped.customerCode()
                    + ") nor an order sent to it (" + shipped.depositorOrderNumber() + ")";
            case WmsInbound.Received received -> "names no customer of this warehouse (" + received.customerCode()
                    + ")";
            case WmsInbound.Stock stock -> "names no customer of this warehouse (" + stock.customerCode() + ")";
            case WmsInbound.Adjusted adjusted -> "names no customer of this warehouse (" + adjusted.customerCode()
                    + ")";
            case WmsInbound.Acknowledged ack -> "acknowledges nothing the portal sent";
        };
    }

    /** The control numbers that name one transaction of a file. */
    static String key(WmsInbound.Control control) {
        return control.interchange() + "/" + control.group() + "/" + control.transaction();
    }

    private sealed interface Outcome {
        record Applied() implements Outcome {
        }

        record Unchanged() implements Outcome {
        }

        record Rejected(String reason) implements Outcome {
        }
    }

    private static final Outcome APPLIED = new Outcome.Applied();
    private static final Outcome UNCHANGED = new Outcome.Unchanged();

    /** Applies one transaction for its tenant, inside the tenant's transaction for the file. */
    private Outcome applyOne(TenantId tenant, UUID fileId, WmsInbound inbound, byte[] content, String segments) {
        WmsInbound.Control control = inbound.control();
        return switch (inbound) {
            case WmsInbound.Shipped shipped -> shipped(tenant, fileId, shipped, content, segments);
            case WmsInbound.Received received -> received(tenant, fileId, received, content, segments);
            case WmsInbound.Stock stock -> {
                int changed = warehouse.recordInventory(tenant, stock.positions(), "WMS 846", clock.instant());
                document(tenant, fileId, control, "846 " + stock.positions().size() + " item(s)", null, "APPLIED",
                        segments, changed + " position(s) changed");
                yield APPLIED;
            }
            case WmsInbound.Adjusted adjusted -> adjusted(tenant, fileId, adjusted, segments);
            case WmsInbound.Unusable unusable -> {
                warehouse.reportProblem(tenant, "WMS_DOCUMENT_UNUSABLE", "x12:" + key(control),
                        control.transactionSet() + " " + control.transaction(), "The warehouse sent a "
                                + control.transactionSet() + " the portal cannot use: " + unusable.reason()
                                + ". It was rejected in the 997; ask the warehouse to send it again corrected.",
                        new String(content, StandardCharsets.UTF_8));
                document(tenant, fileId, control, control.transactionSet() + " " + control.transaction(), null,
                        "REJECTED", segments, unusable.reason());
                yield new Outcome.Rejected(unusable.reason());
            }
            case WmsInbound.Acknowledged ack -> throw new IllegalStateException("a 997 is for every tenant");
            case WmsInbound.Unsupported unsupported -> new Outcome.Rejected(unplacedReason(unsupported));
        };
    }

    /** A 997 marks the documents it names, whichever tenants sent them. */
    private boolean acknowledged(Map<String, TenantId> accounts, UUID fileId, WmsInbound.Acknowledged ack,
            String segments) {
        boolean any = false;
        for (TenantId tenant : Set.copyOf(accounts.values())) {
            int matched = transactions.write(tenant, () -> {
                int marked = ack.transactions().entrySet().stream().mapToInt(entry -> ledger.acknowledge(
                        ack.groupControlNumber(), entry.getKey(), entry.getValue())).sum();
                if (marked > 0) {
                    document(tenant, fileId, ack.control(), "997 for group " + ack.groupControlNumber(), null,
                            "APPLIED", segments, marked + " document(s) acknowledged");
                }
                return marked;
            });
            any |= matched > 0;
        }
        return any;
    }

    private Outcome shipped(TenantId tenant, UUID fileId, WmsInbound.Shipped shipped, byte[] content,
            String segments) {
        WmsInbound.Control control = shipped.control();
        Optional<UUID> order = ledger.orderOfReference(shipped.depositorOrderNumber());
        if (order.isEmpty()) {
            warehouse.reportProblem(tenant, "SHIPMENT_FOR_UNKNOWN_ORDER",
                    "945:" + shipped.depositorOrderNumber(), "945 " + shipped.depositorOrderNumber(),
                    "The warehouse reported a shipment of order " + shipped.depositorOrderNumber()
                            + ", which was never sent to it from here. Check with the warehouse.",
                    new String(content, StandardCharsets.UTF_8));
            document(tenant, fileId, control, shipped.depositorOrderNumber(), null, "REJECTED", segments,
                    "No order was sent with this number");
            return UNCHANGED;
        }
        boolean recorded = warehouse.recordShipment(tenant, order.get(), shipped.notice());
        document(tenant, fileId, control, shipped.depositorOrderNumber(), order.get(),
                recorded ? "APPLIED" : "IGNORED", segments, recorded ? shipped.notice().warehouseRef() + ": "
                        + String.join(", ", shipped.notice().trackingNumbers())
                        : "Already recorded, or refused as an exception");
        return recorded ? APPLIED : UNCHANGED;
    }

    /** A 944 for the tenant of its customer code: the receipt is applied once, whatever file brings it. */
    private Outcome received(TenantId tenant, UUID fileId, WmsInbound.Received received, byte[] content,
            String segments) {
        WmsInbound.Control control = received.control();
        String reference = received.shipmentReference();
        InboundReceipts.ReceiptOutcome outcome = receipts.applyReceipt(tenant, reference, received.receipt());
        if (outcome == InboundReceipts.ReceiptOutcome.UNKNOWN_SHIPMENT) {
            warehouse.reportProblem(tenant, "RECEIPT_FOR_UNKNOWN_SHIPMENT", "944:" + reference, "944 " + reference,
                    "The warehouse reported receiving inbound shipment " + reference + ", which this brand never "
                            + "announced. Check with the warehouse.", new String(content, StandardCharsets.UTF_8));
        }
        String status = switch (outcome) {
            case APPLIED -> "APPLIED";
            case ALREADY_APPLIED -> "IGNORED";
            case UNKNOWN_SHIPMENT -> "REJECTED";
        };
        InboundReceipt receipt = received.receipt();
        String message = switch (outcome) {
            case APPLIED -> "Receipt " + receipt.receiptKey() + ": " + receipt.lines().size() + " SKU(s)"
                    + (receipt.complete() ? ", final" : ", partial");
            case ALREADY_APPLIED -> "Receipt " + receipt.receiptKey() + " was applied before; nothing changed";
            case UNKNOWN_SHIPMENT -> "No inbound shipment was announced with this reference";
        };
        document(tenant, fileId, control, reference, null, status, segments, message);
        return outcome == InboundReceipts.ReceiptOutcome.APPLIED ? APPLIED : UNCHANGED;
    }

    /** A 947 for the tenant of its customer code: each line changes stock once, whatever file brings it. */
    private Outcome adjusted(TenantId tenant, UUID fileId, WmsInbound.Adjusted adjusted, String segments) {
        int applied = warehouse.recordAdjustments(tenant, adjusted.adjustmentNumber(), adjusted.date(),
                adjusted.lines().stream().map(line -> new WarehouseFeedback.StockAdjustment(line.masterSku(),
                        line.quantity(), line.reasonCode(), line.reason())).toList());
        String summary = String.join(", ", adjusted.lines().stream().map(line -> line.masterSku() + " "
                + (line.quantity() > 0 ? "+" : "") + line.quantity() + " (" + line.reason() + ")").toList());
        document(tenant, fileId, adjusted.control(), "947 " + adjusted.adjustmentNumber(), null,
                applied > 0 ? "APPLIED" : "IGNORED", segments, applied > 0 ? summary
                        : "Adjustment " + adjusted.adjustmentNumber() + " was applied before; nothing changed");
        return applied > 0 ? APPLIED : UNCHANGED;
    }

    private Optional<TenantId> tenantOf(Map<String, TenantId> accounts, @Nullable String customerCode,
            @Nullable String depositorOrderNumber) {
        if (customerCode != null && accounts.containsKey(customerCode)) {
            return Optional.of(accounts.get(customerCode));
        }
        if (depositorOrderNumber == null) {
            return Optional.empty();
        }
        return accounts.values().stream().filter(tenant -> transactions.read(tenant,
                () -> ledger.orderOfReference(depositorOrderNumber)).isPresent()).findFirst();
    }

    private void document(TenantId tenant, UUID fileId, WmsInbound.Control control, String reference,
            @Nullable UUID orderId, String status, String segments, String message) {
        transactions.writeAll(tenant, () -> ledger.document(fileId, "INBOUND", control.transactionSet(),
                control.interchange(), control.group(), control.transaction(), reference, orderId, null, status,
                "NONE", segments, message));
    }

    /**
     * The control numbers of the transactions of a file that some tenant already has applied (or ignored as applied
     * before), so reprocessing the file does not record them again.
     */
    Set<String> alreadyApplied(Map<String, TenantId> accounts, UUID fileId) {
        Set<String> done = new java.util.HashSet<>();
        for (TenantId tenant : Set.copyOf(accounts.values())) {
            done.addAll(transactions.read(tenant, () -> jdbc.sql("""
                    SELECT interchange_no || '/' || group_no || '/' || transaction_no FROM x12_document
                    WHERE wms_file_id = :file AND direction = 'INBOUND' AND status IN ('APPLIED', 'IGNORED')""")
                    .param("file", fileId).query(String.class).list()));
        }
        return done;
    }

    /** The segments one per line, as people read them. */
    static String readable(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        return text.contains("\n") ? text : text.replace("~", "~\n");
    }
}
