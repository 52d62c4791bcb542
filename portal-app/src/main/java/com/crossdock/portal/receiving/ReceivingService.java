package com.crossdock.portal.receiving;

import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Inbound shipments for the people of a brand and the 3PL's staff: create one with lines of the brand's catalog
 * SKUs, mark it ready so the next warehouse exchange announces it with a 943, follow what the warehouse received,
 * and resolve the receiving discrepancies with their root cause. Leadership reads only.
 */
@Service
public class ReceivingService {

    private static final String EDITORS =
            "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')";
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,22}");
    private static final Pattern LOT = Pattern.compile("[A-Za-z0-9./_-]{1,40}");
    private static final int MAX_LINES = 200;
    private static final int MAX_QUANTITY = 1_000_000;
    private static final int SHOWN = 200;
    /** The largest inbound shipment CSV accepted. */
    public static final int MAX_CSV_BYTES = InboundCsv.MAX_BYTES;

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReceivingService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, Clock clock) {
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the signed-in person may create shipments and resolve discrepancies (leadership reads only). */
    public boolean canEdit() {
        return CurrentUser.find().map(user -> user.roles().stream().anyMatch(role -> role != Role.LEADERSHIP_VIEWER))
                .orElse(false);
    }

    /** The tenant's inbound shipments, newest first, each with its lines and discrepancies. */
    @PreAuthorize("isAuthenticated()")
    public List<InboundShipmentView> shipments(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> {
            Map<UUID, List<InboundShipmentView.Line>> lines = new HashMap<>();
            jdbc.sql("""
                    SELECT shipment_id, master_sku, lot, expiry_on, expected_qty, received_qty, damaged_qty
                    FROM inbound_shipment_line ORDER BY shipment_id, line_no""")
                    .query((rs, n) -> lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new InboundShipmentView.Line(rs.getString(2), rs.getString(3),
                                    rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getInt(7))))
                    .list();
            Map<UUID, List<ReceivingDiscrepancyView>> discrepancies = new HashMap<>();
            jdbc.sql("""
                    SELECT shipment_id, id, master_sku, kind, expected_qty, received_qty, recorded_at, resolved,
                           resolution_note, resolution, resolved_by, resolved_at, detail
                    FROM receiving_discrepancy ORDER BY resolved, recorded_at, master_sku, kind""")
                    .query((rs, n) -> discrepancies.computeIfAbsent(rs.getObject(1, UUID.class),
                            k -> new ArrayList<>()).add(new ReceivingDiscrepancyView(rs.getObject(2, UUID.class),
                            rs.getString(3), DiscrepancyKind.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6),
                            rs.getTimestamp(7).toInstant(), rs.getBoolean(8), rs.getString(9),
                            rs.getString(10) == null ? null : DiscrepancyResolution.valueOf(rs.getString(10)),
                            rs.getString(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(),
                            rs.getString(13))))
                    .list();
            return jdbc.sql("""
                    SELECT id, reference, carrier, expected_on, status, ready_at IS NOT NULL, created_at
                    FROM inbound_shipment ORDER BY created_at DESC, reference LIMIT :limit""")
                    .param("limit", SHOWN)
                    .query((rs, n) -> {
                        UUID id = rs.getObject(1, UUID.class);
                        return new InboundShipmentView(id, rs.getString(2), rs.getString(3),
                                rs.getObject(4, LocalDate.class), InboundStatus.valueOf(rs.getString(5)),
                                rs.getBoolean(6), rs.getTimestamp(7).toInstant(), lines.getOrDefault(id, List.of()),
                                discrepancies.getOrDefault(id, List.of()));
                    }).list();
        });
    }

    /** Creates a draft inbound shipment; refused with field errors when a value or a SKU is not right. */
    @PreAuthorize(EDITORS)
    public InboundShipmentView create(TenantId tenant, InboundShipmentCommand command) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(command, "command");
        UUID id = transactions.write(tenant, () -> {
            Map<String, String> problems = validate(command, reference(command));
            if (!problems.isEmpty()) {
                throw new ReceivingValidationException(problems);
            }
            return insert(command);
        });
        tenants.recordActivity(tenant, "receiving.create", "Inbound shipment " + reference(command));
        return shipment(tenant, id);
    }

    /**
     * Creates draft inbound shipments from a CSV file of the brand's own system: a header row naming
     * {@code reference}, {@code sku} and {@code quantity} (and optionally {@code carrier} and {@code expected_on},
     * ISO dates), then one row per SKU; rows of one reference make one shipment. An X12 file is read as 856 ship
     * notices instead (see {@link InboundAsn}): one shipment per transaction. All or nothing: any problem refuses the
     * whole file with each problem's row or segment.
     */
    @PreAuthorize(EDITORS)
    public List<InboundShipmentView> importCsv(TenantId tenant, String fileName, byte[] content) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(content, "content");
        boolean x12 = content.length <= InboundCsv.MAX_BYTES && InboundAsn.isX12(content);
        InboundCsv.Parsed parsed = x12 ? InboundAsn.parse(content) : InboundCsv.parse(content);
        List<String> problems = new ArrayList<>(parsed.problems());
        if (!problems.isEmpty()) {
            throw new ReceivingValidationException(Map.of("file", InboundCsv.summary(problems)));
        }
        List<UUID> ids = transactions.write(tenant, () -> {
            List<String> found = new ArrayList<>();
            parsed.shipments().forEach((reference, command) -> validate(command, reference).values()
                    .forEach(problem -> found.add(reference + ": " + problem)));
            if (!found.isEmpty()) {
                throw new ReceivingValidationException(Map.of("file", InboundCsv.summary(found)));
            }
            return parsed.shipments().values().stream().map(this::insert).toList();
        });
        tenants.recordActivity(tenant, "receiving.import", ids.size() + " inbound shipments from "
                + (fileName == null ? x12 ? "an 856 file" : "a CSV file" : fileName));
        List<InboundShipmentView> all = shipments(tenant);
        return all.stream().filter(view -> ids.contains(view.id())).toList();
    }

    /** Inside the tenant's transaction, after validation: the shipment and its lines. */
    private UUID insert(InboundShipmentCommand command) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO inbound_shipment (tenant_id, id, reference, carrier, expected_on, status, created_by,
                                              created_at, updated_at)
                VALUES (crossdock_current_tenant(), :id, :reference, :carrier, :expected, 'DRAFT', :by, :now,
                        :now)""")
                .param("id", id).param("reference", reference(command)).param("carrier", carrier(command.carrier()))
                .param("expected", command.expectedOn()).param("by", CurrentUser.actor()).param("now", now)
                .update();
        int number = 0;
        for (InboundShipmentCommand.Line line : Objects.requireNonNull(command.lines())) {
            jdbc.sql("""
                    INSERT INTO inbound_shipment_line (tenant_id, id, shipment_id, line_no, master_sku,
                                                       expected_qty, lot, expiry_on)
                    VALUES (crossdock_current_tenant(), :id, :shipment, :no, :sku, :qty, :lot, :expiry)""")
                    .param("id", UUID.randomUUID()).param("shipment", id).param("no", ++number)
                    .param("sku", catalogSku(Objects.requireNonNull(line.sku()))).param("qty", line.quantity())
                    .param("lot", lot(line)).param("expiry", line.expiryOn()).update();
        }
        return id;
    }

    private static String reference(InboundShipmentCommand command) {
        return command.reference() == null ? "" : command.reference().strip();
    }

    /** Marks a draft shipment ready: the next exchange with the brand's warehouse announces it with a 943. */
    @PreAuthorize(EDITORS)
    public InboundShipmentView sendToWarehouse(TenantId tenant, UUID shipmentId) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(shipmentId, "shipment");
        int marked = transactions.write(tenant, () -> jdbc.sql("""
                UPDATE inbound_shipment SET ready_at = :now, updated_at = :now
                WHERE id = :id AND status = 'DRAFT' AND ready_at IS NULL""")
                .param("id", shipmentId).param("now", Timestamp.from(clock.instant())).update());
        InboundShipmentView shipment = shipment(tenant, shipmentId);
        if (marked == 0 && !shipment.ready()) {
            throw new ReceivingValidationException(Map.of("shipment", "Shipment " + shipment.reference()
                    + " was sent to the warehouse already"));
        }
        tenants.recordActivity(tenant, "receiving.send", "Inbound shipment " + shipment.reference()
                + " ready for the warehouse");
        return shipment;
    }

    /**
     * Resolves a discrepancy: accepted, claimed or adjusted, with its root cause (required), for example "supplier
     * packed 9, credit note asked"; who and when are recorded.
     */
    @PreAuthorize(EDITORS)
    public void resolve(TenantId tenant, UUID discrepancyId, DiscrepancyResolution resolution, String note) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(discrepancyId, "discrepancy");
        if (resolution == null) {
            throw new ReceivingValidationException(Map.of("resolution", "Choose accept, claim or adjust"));
        }
        String cause = note == null ? "" : note.strip();
        if (cause.length() < 3 || cause.length() > 2000) {
            throw new ReceivingValidationException(Map.of("note", "Say what caused it, in 3 to 2000 characters"));
        }
        int resolved = transactions.write(tenant, () -> jdbc.sql("""
                UPDATE receiving_discrepancy SET resolved = TRUE, resolution = :resolution, resolution_note = :note,
                       resolved_by = :by, resolved_at = :now
                WHERE id = :id AND NOT resolved""")
                .param("id", discrepancyId).param("resolution", resolution.name()).param("note", cause)
                .param("by", CurrentUser.actor()).param("now", Timestamp.from(clock.instant())).update());
        if (resolved == 0) {
            throw new ReceivingValidationException(Map.of("note", "This discrepancy is resolved already, or gone"));
        }
        tenants.recordActivity(tenant, "receiving.resolve", "Discrepancy " + discrepancyId + " "
                + resolution.name().toLowerCase(Locale.ROOT) + ": " + cause);
    }

    /**
     * Moves a shipment along the steps people report: a sent shipment is in transit, a sent or travelling one has
     * arrived at the dock, and a received one closes once none of its discrepancies is open. Refused, saying why,
     * for any other step.
     */
    @PreAuthorize(EDITORS)
    public InboundShipmentView advance(TenantId tenant, UUID shipmentId, InboundStatus to) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(shipmentId, "shipment");
        List<String> from = switch (to == null ? InboundStatus.DRAFT : to) {
            case IN_TRANSIT -> List.of("SENT");
            case ARRIVED -> List.of("SENT", "IN_TRANSIT");
            case CLOSED -> List.of("RECEIVED", "RECEIVED_WITH_DISCREPANCIES");
            default -> List.of();
        };
        if (from.isEmpty()) {
            throw new ReceivingValidationException(Map.of("status", "A shipment is moved by hand only to in "
                    + "transit, arrived or closed; the warehouse's receipts do the rest"));
        }
        int moved = transactions.write(tenant, () -> jdbc.sql("""
                UPDATE inbound_shipment SET status = :to, updated_at = :now
                WHERE id = :id AND status IN (:from) AND NOT (:closing AND EXISTS (SELECT 1
                    FROM receiving_discrepancy d WHERE d.shipment_id = inbound_shipment.id AND NOT d.resolved))""")
                .param("id", shipmentId).param("to", to.name()).param("from", from)
                .param("closing", to == InboundStatus.CLOSED)
                .param("now", Timestamp.from(clock.instant())).update());
        InboundShipmentView shipment = shipment(tenant, shipmentId);
        if (moved == 0) {
            throw new ReceivingValidationException(Map.of("status", "Shipment " + shipment.reference() + " is "
                    + shipment.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + (to == InboundStatus.CLOSED
                    && shipment.openDiscrepancies() > 0 ? " with " + shipment.openDiscrepancies()
                    + " open discrepancies; resolve them first" : "; it cannot go to "
                    + to.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " from there")));
        }
        tenants.recordActivity(tenant, "receiving.status", "Inbound shipment " + shipment.reference() + " "
                + to.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return shipment;
    }

    private InboundShipmentView shipment(TenantId tenant, UUID id) {
        return shipments(tenant).stream().filter(view -> view.id().equals(id)).findFirst()
                .orElseThrow(() -> new ReceivingValidationException(Map.of("shipment", "No such shipment")));
    }

    /** In the tenant's transaction: the SKUs are looked up in its catalog. */
    private Map<String, String> validate(InboundShipmentCommand command, String reference) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!REFERENCE.matcher(reference).matches()) {
            problems.put("reference", "Enter a reference of 1 to 22 letters, digits, dots, dashes or underscores");
        } else if (jdbc.sql("SELECT count(*) FROM inbound_shipment WHERE reference = :r").param("r", reference)
                .query(Long.class).single() > 0) {
            problems.put("reference", "Shipment " + reference + " exists already; use another reference");
        }
        if (command.carrier() != null && command.carrier().strip().length() > 60) {
            problems.put("carrier", "Name the carrier in up to 60 characters");
        }
        if (command.expectedOn() == null) {
            problems.put("expectedOn", "Enter the date it should arrive at the warehouse");
        }
        List<InboundShipmentCommand.Line> lines = command.lines() == null ? List.of() : command.lines();
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            problems.put("lines", "Add 1 to " + MAX_LINES + " lines, each a SKU and its units");
            return problems;
        }
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        List<String> lotProblems = new ArrayList<>();
        for (InboundShipmentCommand.Line line : lines) {
            String sku = line.sku() == null ? "" : line.sku().strip();
            if (sku.isEmpty() || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                problems.put("lines", "Every line needs a SKU and 1 to " + MAX_QUANTITY + " units");
                continue;
            }
            String lot = lot(line);
            if (!seen.add(sku.toUpperCase(Locale.ROOT) + "/" + lot.toUpperCase(Locale.ROOT))) {
                problems.put("lines", sku + (lot.isEmpty() ? "" : " lot " + lot)
                        + " is on two lines; put its units on one");
                continue;
            }
            Tracking item = findItem(sku);
            if (item == null) {
                unknown.add(sku);
            } else {
                lotProblem(item, lot, line.expiryOn(), command.expectedOn()).ifPresent(lotProblems::add);
            }
        }
        if (!unknown.isEmpty()) {
            problems.put("lines", "Not in the catalog: " + String.join(", ", unknown)
                    + ". Add the items to the catalog first, or correct the SKUs");
        } else if (!lotProblems.isEmpty()) {
            problems.put("lots", String.join("; ", lotProblems));
        }
        return problems;
    }

    /** A catalog item as receiving needs it: its SKU as spelled there, and whether it tracks lots and expiry. */
    private record Tracking(String sku, boolean lotTracked, boolean expiryTracked) {
    }

    /**
     * What is wrong with a line's lot and expiry for its item, if anything: a lot-tracked item needs its lot, an
     * expiry-tracked one its expiry (after the shipment arrives), and an item that tracks neither takes none, so
     * the warehouse is never asked to record what the brand does not track.
     */
    private static Optional<String> lotProblem(Tracking item, String lot, @Nullable LocalDate expiry,
            @Nullable LocalDate arrival) {
        if (!lot.isEmpty() && !LOT.matcher(lot).matches()) {
            return Optional.of(item.sku() + ": a lot is 1 to 40 letters, digits, '.', '/', '_' or '-'");
        }
        if (item.lotTracked() && lot.isEmpty()) {
            return Optional.of(item.sku() + " is lot tracked: enter the lot of its units");
        }
        if (!item.lotTracked() && !lot.isEmpty()) {
            return Optional.of(item.sku() + " is not lot tracked: clear the lot, or mark the item lot tracked in "
                    + "the catalog first");
        }
        if (item.expiryTracked() && expiry == null) {
            return Optional.of(item.sku() + " is expiry tracked: enter the expiry of its units");
        }
        if (!item.expiryTracked() && expiry != null) {
            return Optional.of(item.sku() + " is not expiry tracked: clear the expiry, or mark the item expiry "
                    + "tracked in the catalog first");
        }
        if (expiry != null && arrival != null && !expiry.isAfter(arrival)) {
            return Optional.of(item.sku() + (lot.isEmpty() ? "" : " lot " + lot) + " expires on " + expiry
                    + ", before it arrives on " + arrival + "; the warehouse would receive it expired");
        }
        return Optional.empty();
    }

    private static String lot(InboundShipmentCommand.Line line) {
        return line.lot() == null ? "" : line.lot().strip();
    }

    private @Nullable Tracking findItem(String sku) {
        return jdbc.sql("""
                SELECT sku, lot_tracked, expiry_tracked FROM catalog_item WHERE upper(sku) = upper(:sku)
                ORDER BY sku LIMIT 1""")
                .param("sku", sku).query((rs, n) -> new Tracking(rs.getString(1), rs.getBoolean(2),
                        rs.getBoolean(3))).optional().orElse(null);
    }

    /** The SKU as the catalog spells it. */
    private String catalogSku(String sku) {
        return Objects.requireNonNull(findItem(sku.strip()), "validated SKU").sku();
    }

    private static String carrier(@Nullable String carrier) {
        return carrier == null ? "" : carrier.strip();
    }
}
