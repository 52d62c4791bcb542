package com.crossdock.portal.returns;

import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.events.BrandEvent;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.SignedInUser;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.truth.SystemKind;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.sync.ReturnSignals;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Returns for the people of a brand and the 3PL's staff: the RMA queue, an RMA entered by hand, the returns bench
 * (one scanned unit at a time with its condition; the tenant's rules restock some at once and hold the rest for
 * inspection), the disposition of each held unit, closing, the tenant's rules, and stock by status. Leadership reads
 * only. Once every unit of an RMA from a store's return is decided, its refund goes to the store through the sync
 * engine's returns write-back.
 */
@Service
public class ReturnsService {

    private static final String EDITORS =
            "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')";
    private static final String RULE_MAKERS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN')";
    /** More units of one SKU than this on one return is a typing or a channel's error, not a parcel. */
    static final int MAX_UNITS = 1000;
    private static final int MAX_LINES = 100;
    private static final int SHOWN = 300;

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final Rmas rmas;
    private final ReturnSignals signals;
    private final Clock clock;
    private final GovernanceService governance;
    private final ApplicationEventPublisher events;

    ReturnsService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc, Rmas rmas,
            ReturnSignals signals, Clock clock, GovernanceService governance, ApplicationEventPublisher events) {
        this.governance = governance;
        this.events = events;
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.rmas = rmas;
        this.signals = signals;
        this.clock = clock;
    }

    /** Whether the signed-in person may create RMAs, scan and disposition (leadership reads only). */
    public boolean canEdit() {
        return CurrentUser.find().map(user -> user.roles().stream().anyMatch(role -> role != Role.LEADERSHIP_VIEWER))
                .orElse(false);
    }

    /** Whether the signed-in person may change the tenant's returns rules (brand admins and the 3PL's managers). */
    public boolean canChangeRules() {
        return CurrentUser.find().map(user -> user.roles().stream().anyMatch(role -> role == Role.PLATFORM_ADMIN
                || role == Role.ACCOUNT_MANAGER || role == Role.BRAND_ADMIN)).orElse(false);
    }

    /** The RMAs of the tenant in one status (all when null), oldest first: the longest waiting come first. */
    @PreAuthorize("isAuthenticated()")
    public List<RmaSummary> queue(TenantId tenant, @Nullable RmaStatus status) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT r.id, r.number, r.status, r.source, r.order_name,
                       (SELECT coalesce(sum(expected_qty), 0) FROM rma_line l WHERE l.rma_id = r.id),
                       (SELECT count(*) FROM rma_unit u WHERE u.rma_id = r.id),
                       (SELECT count(*) FROM rma_unit u WHERE u.rma_id = r.id AND u.disposition IS NULL),
                       r.channel_signal, r.created_at, r.updated_at,
                       coalesce((SELECT initcap(lower(c.channel)) FROM channel_connection c
                                 WHERE c.id = r.connection_id AND r.source = 'CHANNEL'), '')
                FROM rma r WHERE (CAST(:status AS VARCHAR) IS NULL OR r.status = :status)
                ORDER BY r.created_at, r.number LIMIT :limit""")
                .param("status", status == null ? null : status.name()).param("limit", SHOWN)
                .query(ReturnsService::summary).list());
    }

    /**
     * The RMAs changed after a position (last change, id), oldest change first: what a client that follows the
     * tenant's returns reads page by page.
     */
    @PreAuthorize("isAuthenticated()")
    public List<RmaSummary> changes(TenantId tenant, Instant afterChange, UUID afterId, int limit) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(afterChange, "afterChange");
        Objects.requireNonNull(afterId, "afterId");
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT r.id, r.number, r.status, r.source, r.order_name,
                       (SELECT coalesce(sum(expected_qty), 0) FROM rma_line l WHERE l.rma_id = r.id),
                       (SELECT count(*) FROM rma_unit u WHERE u.rma_id = r.id),
                       (SELECT count(*) FROM rma_unit u WHERE u.rma_id = r.id AND u.disposition IS NULL),
                       r.channel_signal, r.created_at, r.updated_at,
                       coalesce((SELECT initcap(lower(c.channel)) FROM channel_connection c
                                 WHERE c.id = r.connection_id AND r.source = 'CHANNEL'), '')
                FROM rma r WHERE (r.updated_at, r.id) > (:at, :id)
                ORDER BY r.updated_at, r.id LIMIT :limit""")
                .param("at", Timestamp.from(afterChange)).param("id", afterId)
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query(ReturnsService::summary).list());
    }

    private static RmaSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RmaSummary(rs.getObject(1, UUID.class), rs.getString(2), RmaStatus.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(), rs.getString(12));
    }

    /** One RMA with its lines and units. */
    @PreAuthorize("isAuthenticated()")
    public RmaView rma(TenantId tenant, UUID rmaId) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(rmaId, "rma");
        return transactions.read(tenant, () -> rmas.find(rmaId)).orElseThrow(() -> noSuchRma());
    }

    /** Finds an RMA by its number ({@code RMA-000012}) or its order's name ({@code #1001}), for the bench's scan. */
    @PreAuthorize("isAuthenticated()")
    public Optional<RmaView> find(TenantId tenant, String numberOrOrder) {
        tenants.requireOpen(tenant);
        String wanted = numberOrOrder == null ? "" : numberOrOrder.strip();
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT id FROM rma WHERE upper(number) = upper(:w) OR order_name = :w OR order_name = '#' || :w
                ORDER BY status = 'CLOSED', created_at DESC LIMIT 1""").param("w", wanted).query(UUID.class)
                .optional().flatMap(rmas::find));
    }

    /** Creates an RMA by hand; refused with field errors when the order, a SKU or a quantity is not right. */
    @PreAuthorize(EDITORS)
    public RmaView create(TenantId tenant, RmaCommand command) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(command, "command");
        UUID id = transactions.write(tenant, () -> {
            Map<String, String> problems = new LinkedHashMap<>();
            String orderName = command.orderName() == null ? "" : command.orderName().strip();
            record Order(UUID id, @Nullable UUID connection, String channelOrderId, String name) {
            }
            Optional<Order> order = orderName.isEmpty() ? Optional.empty() : jdbc.sql("""
                    SELECT id, connection_id, channel_order_id, order_name FROM sales_order
                    WHERE order_name = :n OR order_name = '#' || :n ORDER BY created_at DESC LIMIT 1""")
                    .param("n", orderName).query((rs, n) -> new Order(rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))).optional();
            if (!orderName.isEmpty() && order.isEmpty()) {
                problems.put("orderName", "No order " + orderName + " in the portal; check the order's name, or "
                        + "leave it blank for a return without an order");
            }
            String note = command.note() == null ? "" : command.note().strip();
            if (note.length() > 2000) {
                problems.put("note", "Keep the note to 2000 characters");
            }
            List<Rmas.NewLine> lines = lines(command.lines(), problems);
            if (!problems.isEmpty()) {
                throw new ReturnsValidationException(problems);
            }
            // a return entered by hand is refunded by the brand itself: nothing is written back to a store
            return rmas.create(new Rmas.Origin("MANUAL", null, order.map(Order::connection).orElse(null),
                    order.map(Order::id).orElse(null), order.map(Order::channelOrderId).orElse(""),
                    order.map(Order::name).orElse(""), "NONE"), note, lines, CurrentUser.actor());
        });
        RmaView created = rma(tenant, id);
        tenants.recordActivity(tenant, "returns.create", created.number() + " entered by hand");
        return created;
    }

    private List<Rmas.NewLine> lines(@Nullable List<RmaCommand.Line> given, Map<String, String> problems) {
        List<RmaCommand.Line> lines = given == null ? List.of() : given;
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            problems.put("lines", "Add 1 to " + MAX_LINES + " lines, each a SKU and its units");
            return List.of();
        }
        List<Rmas.NewLine> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (RmaCommand.Line line : lines) {
            String sku = line.sku() == null ? "" : line.sku().strip();
            String reason = line.reason() == null ? "" : line.reason().strip();
            if (sku.isEmpty() || line.quantity() < 1 || line.quantity() > MAX_UNITS) {
                problems.put("lines", "Every line needs a SKU and 1 to " + MAX_UNITS + " units");
            } else if (reason.length() > 60) {
                problems.put("lines", "Keep each reason to 60 characters");
            } else if (!seen.add(sku.toUpperCase(Locale.ROOT))) {
                problems.put("lines", sku + " is on two lines; put its units on one");
            } else {
                Optional<String> catalogSku = catalogSku(sku);
                catalogSku.ifPresentOrElse(known -> found.add(new Rmas.NewLine(known, line.quantity(), reason, "",
                        1)), () -> unknown.add(sku));
            }
        }
        if (!unknown.isEmpty()) {
            problems.put("lines", "Not in the catalog: " + String.join(", ", unknown)
                    + ". Correct the SKUs, or add the items to the catalog first");
        }
        return found;
    }

    /**
     * Records one unit the returns bench took out of the parcel: {@code scanned} is its barcode (GTIN of the each
     * pack) or SKU. A tenant rule may restock it at once; otherwise it is held for inspection. Refused, with what
     * to do, for a code the catalog does not know, a SKU not on the RMA, one unit more than expected, or a closed
     * receipt.
     */
    @PreAuthorize(EDITORS)
    public ScanResult receiveUnit(TenantId tenant, UUID rmaId, String scanned, UnitCondition condition) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(rmaId, "rma");
        Objects.requireNonNull(condition, "condition");
        String code = scanned == null ? "" : scanned.strip();
        if (code.isEmpty() || code.length() > 100) {
            throw new ReturnsValidationException("scan", "Scan the unit's barcode, or type its SKU");
        }
        record Received(UUID unit, String sku, @Nullable Disposition disposition, String rule) {
        }
        SystemKind owner = governance.owner(tenant, DataType.RETURNS_DISPOSITION);
        Received received = transactions.write(tenant, () -> {
            RmaStatus status = rmas.lock(rmaId).orElseThrow(ReturnsService::noSuchRma);
            boolean complete = jdbc.sql("SELECT receipt_complete FROM rma WHERE id = :id").param("id", rmaId)
                    .query(Boolean.class).single();
            if (status == RmaStatus.CLOSED || status == RmaStatus.DISPOSITIONED || complete) {
                throw new ReturnsValidationException("scan", "This RMA's receipt is finished (" + status.label()
                        + "); put the unit aside and open a new RMA for it");
            }
            String sku = resolve(code).orElseThrow(() -> new ReturnsValidationException("scan", "\"" + code
                    + "\" is no barcode or SKU of this brand's catalog; check the label, or type the SKU"));
            record Line(UUID id, int expected, int received) {
            }
            Line line = jdbc.sql("""
                    SELECT l.id, l.expected_qty, (SELECT count(*) FROM rma_unit u WHERE u.line_id = l.id)
                    FROM rma_line l WHERE l.rma_id = :rma AND l.master_sku = :sku
                    ORDER BY (SELECT count(*) FROM rma_unit u WHERE u.line_id = l.id) < l.expected_qty DESC, l.line_no
                    LIMIT 1""").param("rma", rmaId).param("sku", sku)
                    .query((rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3))).optional()
                    .orElseThrow(() -> new ReturnsValidationException("scan", sku + " is not on this RMA; put it "
                            + "aside and check the parcel's RMA"));
            if (line.received() >= line.expected()) {
                throw new ReturnsValidationException("scan", "All " + line.expected() + " units of " + sku
                        + " on this RMA are in already; put this one aside as an extra");
            }
            Rule rule = rule(sku, condition, owner);
            UUID unit = UUID.randomUUID();
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("""
                    INSERT INTO rma_unit (tenant_id, id, rma_id, line_id, master_sku, condition, scanned, received_by,
                                          received_at, disposition, disposition_rule, dispositioned_by,
                                          dispositioned_at)
                    VALUES (crossdock_current_tenant(), :id, :rma, :line, :sku, :condition, :scanned, :by, :now,
                            :disposition, :rule, :dispositionBy, :dispositionAt)""")
                    .param("id", unit).param("rma", rmaId).param("line", line.id()).param("sku", sku)
                    .param("condition", condition.name()).param("scanned", code).param("by", CurrentUser.actor())
                    .param("now", now).param("disposition", rule.disposition() == null ? null
                            : rule.disposition().name()).param("rule", rule.text())
                    .param("dispositionBy", rule.disposition() == null ? null : "rule")
                    .param("dispositionAt", rule.disposition() == null ? null : now).update();
            RmaStatus settled = rmas.settle(rmaId);
            if (rule.disposition() != null) {
                dispositioned(rmaId, unit, sku, rule.disposition(), "rule", settled);
            }
            return new Received(unit, sku, rule.disposition(), rule.text());
        });
        RmaView rma = rma(tenant, rmaId);
        String message = received.disposition() == null
                ? "1 × " + received.sku() + " on inspection hold" + (received.rule().isEmpty() ? ""
                        : " (" + received.rule() + ")")
                : "1 × " + received.sku() + " restocked to available (" + received.rule() + ")";
        return new ScanResult(received.unit(), received.sku(), received.disposition(), message, rma);
    }

    /**
     * Why the signed-in person may not decide dispositions for the tenant (the owner of returns disposition is
     * another side), or empty when they may; the bench shows it instead of the disposition buttons.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<String> dispositionRefusal(TenantId tenant) {
        tenants.requireOpen(tenant);
        return refusal(tenant);
    }

    /**
     * Why the signed-in caller may not decide dispositions, by the tenant's owner of returns disposition, or empty
     * when it may. Crossdock's bench (the default owner): people at the bench decide, not an API client. The
     * warehouse: the 3PL's people decide at the bench, the brand's do not. The brand's ERP: its API client decides,
     * people at the bench only receive and inspect. Decisions wait for the owner, so the store's refund and restock
     * are written back only once the owner has decided every unit.
     */
    private Optional<String> refusal(TenantId tenant) {
        SignedInUser caller = CurrentUser.require();
        boolean api = caller.isApiClient();
        OwnershipCheck check = governance.check(tenant, DataType.RETURNS_DISPOSITION,
                api ? SystemKind.ERP : SystemKind.PORTAL);
        // the 3PL's people at the bench speak for the warehouse
        if (check.allowed() || check.owner() == SystemKind.WMS && !api && caller.isThreePlStaff()) {
            return Optional.empty();
        }
        return Optional.of(switch (check.owner()) {
            case PORTAL -> "Returns disposition is decided at Crossdock's returns bench for this brand, not through "
                    + "the API; change the owner in Setup if the brand's system should decide";
            case WMS -> "The warehouse (3PL) owns returns disposition for this brand: the 3PL's returns staff decide "
                    + "each unit. Change the owner in Setup if the brand should decide";
            case ERP -> "The brand's ERP owns returns disposition: the ERP decides each unit through the API, and the "
                    + "bench only receives and inspects. Change the owner in Setup to decide here";
            case CHANNEL -> "A sales channel cannot own returns disposition; choose another owner in Setup";
        });
    }

    /** Inside the tenant transaction that decided a unit: a {@code return.dispositioned} event for webhooks. */
    private void dispositioned(UUID rmaId, UUID unitId, String sku, Disposition disposition, String by,
            RmaStatus rmaStatus) {
        record Head(String number, String orderName) {
        }
        Head head = jdbc.sql("SELECT number, order_name FROM rma WHERE id = :id").param("id", rmaId)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2))).single();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("returnId", rmaId.toString());
        data.put("number", head.number());
        data.put("orderName", head.orderName());
        data.put("unitId", unitId.toString());
        data.put("sku", sku);
        data.put("disposition", disposition.name());
        data.put("decidedBy", by);
        data.put("returnStatus", rmaStatus.name());
        events.publishEvent(new BrandEvent(BrandEvent.RETURN_DISPOSITIONED, rmaId, data));
    }

    /** What a tenant rule makes of a unit at receipt: a disposition at once, or a hold (null) with the reason. */
    private record Rule(@Nullable Disposition disposition, String text) {
    }

    private Rule rule(String sku, UnitCondition condition, SystemKind owner) {
        if (owner != SystemKind.PORTAL && owner != SystemKind.WMS) {
            return new Rule(null, "held for the decision of the owner of returns disposition ("
                    + owner.label() + ")");
        }
        boolean hazmat = jdbc.sql("SELECT hazmat FROM catalog_item WHERE sku = :sku").param("sku", sku)
                .query(Boolean.class).optional().orElse(false);
        boolean inspectHazmat = jdbc.sql("SELECT always_inspect_hazmat FROM return_settings")
                .query(Boolean.class).optional().orElse(true);
        if (hazmat && inspectHazmat) {
            return new Rule(null, "hazmat: always inspected");
        }
        boolean autoRestock = condition == UnitCondition.UNOPENED && jdbc.sql("""
                SELECT count(*) FROM return_auto_restock_sku WHERE master_sku = :sku""").param("sku", sku)
                .query(Long.class).single() > 0;
        return autoRestock ? new Rule(Disposition.RESTOCK_AVAILABLE, "auto-restock of unopened " + sku)
                : new Rule(null, "");
    }

    /** The catalog SKU a scan names: a SKU (any case), or the GTIN of an each pack (8, 12, 13 or 14 digits). */
    private Optional<String> resolve(String code) {
        Optional<String> sku = catalogSku(code);
        if (sku.isPresent() || !code.matches("[0-9]{8}|[0-9]{12,14}")) {
            return sku;
        }
        String gtin14 = "0".repeat(14 - code.length()) + code;
        return jdbc.sql("""
                SELECT i.sku FROM catalog_pack p JOIN catalog_item i ON i.id = p.item_id
                WHERE p.gtin14 = :gtin AND p.level = 'EACH' ORDER BY i.sku LIMIT 1""")
                .param("gtin", gtin14).query(String.class).optional();
    }

    private Optional<String> catalogSku(String sku) {
        return jdbc.sql("SELECT sku FROM catalog_item WHERE upper(sku) = upper(:sku) ORDER BY sku LIMIT 1")
                .param("sku", sku).query(String.class).optional();
    }

    /**
     * Decides a held unit's disposition after inspection. A unit decided already is refused (and recorded as an
     * exception, since two people disagreeing over one unit is worth a look); so is an RMA that is closed.
     */
    @PreAuthorize(EDITORS)
    public RmaView disposition(TenantId tenant, UUID unitId, Disposition disposition, @Nullable String note) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(unitId, "unit");
        Objects.requireNonNull(disposition, "disposition");
        String why = note == null ? "" : note.strip();
        if (why.length() > 2000) {
            throw new ReturnsValidationException("note", "Keep the note to 2000 characters");
        }
        record Unit(UUID rma, String number, String sku, @Nullable String disposition, @Nullable String by,
                @Nullable UUID connection) {
        }
        Optional<Unit> found = transactions.read(tenant, () -> jdbc.sql("""
                SELECT u.rma_id, r.number, u.master_sku, u.disposition, u.dispositioned_by, r.connection_id
                FROM rma_unit u JOIN rma r ON r.id = u.rma_id WHERE u.id = :id""").param("id", unitId)
                .query((rs, n) -> new Unit(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class))).optional());
        Unit unit = found.orElseThrow(() -> new ReturnsValidationException("unit", "No such returned unit"));
        refusal(tenant).ifPresent(refusal -> {
            throw new ReturnsValidationException("unit", refusal);
        });
        boolean decided = transactions.write(tenant, () -> {
            RmaStatus status = rmas.lock(unit.rma()).orElseThrow(ReturnsService::noSuchRma);
            if (status == RmaStatus.CLOSED) {
                throw new ReturnsValidationException("unit", unit.number() + " is closed; nothing of it changes");
            }
            int updated = jdbc.sql("""
                    UPDATE rma_unit SET disposition = :disposition, disposition_note = :note, dispositioned_by = :by,
                           dispositioned_at = :now
                    WHERE id = :id AND disposition IS NULL""")
                    .param("id", unitId).param("disposition", disposition.name()).param("note", why)
                    .param("by", CurrentUser.actor()).param("now", Timestamp.from(clock.instant())).update();
            if (updated == 1) {
                dispositioned(unit.rma(), unitId, unit.sku(), disposition, CurrentUser.actor(),
                        rmas.settle(unit.rma()));
            }
            return updated == 1;
        });
        if (!decided) {
            String current = transactions.read(tenant, () -> jdbc.sql("""
                    SELECT disposition || ' by ' || coalesce(dispositioned_by, '?') FROM rma_unit WHERE id = :id""")
                    .param("id", unitId).query(String.class).single());
            String message = "A unit of " + unit.sku() + " on " + unit.number() + " was dispositioned already ("
                    + current + "); " + CurrentUser.actor() + " asked for " + disposition.name() + ". Nothing "
                    + "changed; check the unit and resolve this.";
            transactions.writeAll(tenant, () -> signals.recordProblem(unit.connection(), "RETURN_ALREADY_DISPOSITIONED",
                    "unit:" + unitId, unit.number(), message, "{\"unit\":\"" + unitId + "\",\"asked\":\""
                            + disposition.name() + "\"}"));
            throw new ReturnsValidationException("unit", "This unit was dispositioned already (" + current
                    + "); nothing changed");
        }
        tenants.recordActivity(tenant, "returns.disposition", unit.number() + ": 1 × " + unit.sku() + " "
                + disposition.name());
        return rma(tenant, unit.rma());
    }

    /** The bench says nothing more of this RMA will come: it moves on with the units it has. */
    @PreAuthorize(EDITORS)
    public RmaView finishReceipt(TenantId tenant, UUID rmaId) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(rmaId, "rma");
        transactions.writeAll(tenant, () -> {
            RmaStatus status = rmas.lock(rmaId).orElseThrow(ReturnsService::noSuchRma);
            if (status == RmaStatus.CLOSED) {
                throw new ReturnsValidationException("rma", "This RMA is closed already");
            }
            jdbc.sql("UPDATE rma SET receipt_complete = TRUE WHERE id = :id").param("id", rmaId).update();
            rmas.settle(rmaId);
        });
        return rma(tenant, rmaId);
    }

    /** Closes a dispositioned RMA that has nothing (more) to tell a store. */
    @PreAuthorize(EDITORS)
    public RmaView close(TenantId tenant, UUID rmaId) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(rmaId, "rma");
        transactions.writeAll(tenant, () -> {
            rmas.lock(rmaId).orElseThrow(ReturnsService::noSuchRma);
            int closed = jdbc.sql("""
                    UPDATE rma SET status = 'CLOSED', closed_at = :now, updated_at = :now
                    WHERE id = :id AND status = 'DISPOSITIONED' AND channel_signal IN ('NONE', 'TOLD')""")
                    .param("id", rmaId).param("now", Timestamp.from(clock.instant())).update();
            if (closed == 0) {
                throw new ReturnsValidationException("rma", "Only a dispositioned RMA whose store has its refund "
                        + "(or needs none) can be closed");
            }
        });
        return rma(tenant, rmaId);
    }

    /** The tenant's returns rules. */
    @PreAuthorize("isAuthenticated()")
    public ReturnSettings settings(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> new ReturnSettings(
                jdbc.sql("SELECT always_inspect_hazmat FROM return_settings").query(Boolean.class).optional()
                        .orElse(true),
                jdbc.sql("SELECT master_sku FROM return_auto_restock_sku ORDER BY master_sku").query(String.class)
                        .list()));
    }

    /** Replaces the tenant's returns rules; refused when an auto-restock SKU is not in the catalog. */
    @PreAuthorize(RULE_MAKERS)
    public ReturnSettings saveSettings(TenantId tenant, ReturnSettings settings) {
        tenants.requireOpen(tenant);
        Objects.requireNonNull(settings, "settings");
        transactions.writeAll(tenant, () -> {
            List<String> skus = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String sku : settings.autoRestockSkus()) {
                catalogSku(sku.strip()).ifPresentOrElse(skus::add, () -> unknown.add(sku));
            }
            if (!unknown.isEmpty()) {
                throw new ReturnsValidationException("autoRestockSkus", "Not in the catalog: "
                        + String.join(", ", unknown));
            }
            jdbc.sql("""
                    INSERT INTO return_settings (tenant_id, always_inspect_hazmat, updated_by, updated_at)
                    VALUES (crossdock_current_tenant(), :hazmat, :by, :now)
                    ON CONFLICT (tenant_id) DO UPDATE SET always_inspect_hazmat = excluded.always_inspect_hazmat,
                        updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                    .param("hazmat", settings.alwaysInspectHazmat()).param("by", CurrentUser.actor())
                    .param("now", Timestamp.from(clock.instant())).update();
            jdbc.sql("DELETE FROM return_auto_restock_sku").update();
            skus.stream().distinct().forEach(sku -> jdbc.sql("""
                    INSERT INTO return_auto_restock_sku (tenant_id, master_sku)
                    VALUES (crossdock_current_tenant(), :sku)""").param("sku", sku).update());
        });
        tenants.recordActivity(tenant, "returns.settings", "Returns rules: hazmat always inspected "
                + settings.alwaysInspectHazmat() + ", auto-restock " + settings.autoRestockSkus());
        return settings(tenant);
    }

    /**
     * The tenant's units by status per SKU: inbound receipts (sound and damaged, as the 944s applied them, each
     * receipt once) and returned units by their disposition, beside the warehouse's last stock report.
     */
    @PreAuthorize("isAuthenticated()")
    public List<StockByStatus> stockByStatus(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                WITH moved AS (
                    SELECT master_sku, received_qty - damaged_qty AS available, 0 AS b_grade, 0 AS on_hold,
                           0 AS quarantine, damaged_qty AS damaged
                    FROM inbound_shipment_line
                    UNION ALL
                    SELECT master_sku,
                           CASE WHEN disposition = 'RESTOCK_AVAILABLE' THEN 1 ELSE 0 END,
                           CASE WHEN disposition = 'RESTOCK_B_GRADE' THEN 1 ELSE 0 END,
                           CASE WHEN disposition IS NULL THEN 1 ELSE 0 END,
                           CASE WHEN disposition IN ('REFURBISH', 'RETURN_TO_VENDOR') THEN 1 ELSE 0 END,
                           0
                    FROM rma_unit),
                totals AS (
                    SELECT master_sku, sum(available) AS available, sum(b_grade) AS b_grade, sum(on_hold) AS on_hold,
                           sum(quarantine) AS quarantine, sum(damaged) AS damaged
                    FROM moved GROUP BY master_sku)
                SELECT coalesce(t.master_sku, p.master_sku), coalesce(t.available, 0), coalesce(t.b_grade, 0),
                       coalesce(t.on_hold, 0), coalesce(t.quarantine, 0), coalesce(t.damaged, 0), p.on_hand,
                       p.available
                FROM totals t FULL JOIN inventory_position p ON p.master_sku = t.master_sku
                ORDER BY 1""")
                .query((rs, n) -> new StockByStatus(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8))).list());
    }

    private static ReturnsValidationException noSuchRma() {
        return new ReturnsValidationException("rma", "No such RMA");
    }
}
