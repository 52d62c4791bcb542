package com.crossdock.portal.warehouse;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.CredentialCipher;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.identity.Role;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 3PL's WMS connections and each tenant's account at its warehouse, for the people who set them up (platform
 * admins; account managers map their tenants), and the X12 documents a tenant exchanged, for everyone who sees the
 * tenant. Passwords and keys are sealed like channel credentials and never leave the service.
 */
@Service
public class WmsService {

    private static final String ADMINS = "hasRole('PLATFORM_ADMIN')";
    private static final String STAFF = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER')";
    private static final String EDITORS =
            "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')";
    private static final Pattern QUALIFIER = Pattern.compile("[0-9A-Z]{2}");
    private static final Pattern X12_ID = Pattern.compile("[0-9A-Za-z .-]{1,15}");
    private static final Pattern CUSTOMER_CODE = Pattern.compile("[0-9A-Z][0-9A-Z-]{0,29}");

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final TransactionTemplate platform;
    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final WmsJobs jobs;
    private final WmsExchange exchange;
    private final AdvanceShipNotices shipNotices;
    private final com.crossdock.portal.catalog.CatalogService catalog;
    private final Clock clock;

    WmsService(TenantService tenants, TenantTransactions transactions, TransactionTemplate platform, JdbcClient jdbc,
            CredentialCipher cipher, WmsJobs jobs, WmsExchange exchange, AdvanceShipNotices shipNotices,
            com.crossdock.portal.catalog.CatalogService catalog, Clock clock) {
        this.exchange = exchange;
        this.shipNotices = shipNotices;
        this.catalog = catalog;
        this.tenants = tenants;
        this.transactions = transactions;
        this.platform = platform;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Whether the signed-in person may connect warehouses (platform admins). */
    public boolean canManage() {
        return CurrentUser.find().map(user -> user.has(Role.PLATFORM_ADMIN)).orElse(false);
    }

    /** Whether the signed-in person may map tenants to warehouse accounts (platform admins, account managers). */
    public boolean canAssignAccounts() {
        return CurrentUser.find().map(user -> user.has(Role.PLATFORM_ADMIN) || user.has(Role.ACCOUNT_MANAGER))
                .orElse(false);
    }

    @PreAuthorize(STAFF)
    public List<WmsConnectionView> connections() {
        return jdbc.sql("""
                SELECT id, name, mode, host, port, username, password IS NOT NULL, private_key IS NOT NULL, host_key,
                       outbound_dir, inbound_dir, archive_dir, poll_seconds, sender_qualifier, sender_id,
                       receiver_qualifier, receiver_id, x12_version, production, version, ack_policy, expects_997,
                       ack_deadline_min, sandbox_shipping, sandbox_hold_min
                FROM wms_connection ORDER BY name""")
                .query((rs, n) -> new WmsConnectionView(rs.getObject(1, UUID.class), rs.getString(2),
                        ChannelMode.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getString(6),
                        rs.getBoolean(7), rs.getBoolean(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getInt(13), rs.getString(14), rs.getString(15), rs.getString(16),
                        rs.getString(17), rs.getString(18), rs.getBoolean(19), rs.getLong(20), rs.getString(21),
                        rs.getBoolean(22), rs.getInt(23), rs.getString(24), rs.getInt(25)))
                .list();
    }

    /** A sandbox warehouse with sensible X12 identities; its SFTP server is the portal's own. */
    @PreAuthorize(ADMINS)
    public WmsConnectionView connectSandbox(String name) {
        String slug = name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return connect(new WmsConnectionCommand(name, ChannelMode.SANDBOX, "127.0.0.1", 22,
                "wms-" + (slug.isEmpty() ? "sandbox" : slug), null, null, null, "to-wms", "from-wms", "archive", 60,
                "ZZ", "CROSSDOCK", "ZZ", "SANDBOXWMS", "004010", false));
    }

    /** Connects a warehouse's WMS; its exchange runs every {@code pollSeconds} from now on. */
    @PreAuthorize(ADMINS)
    public WmsConnectionView connect(WmsConnectionCommand command) {
        Map<String, String> problems = validate(command);
        if (command.mode() == ChannelMode.LIVE && blank(command.password()) && blank(command.privateKey())) {
            problems.put("password", "Enter the SFTP password or a private key");
        }
        if (!problems.isEmpty()) {
            throw new WmsValidationException(problems);
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        String password = command.mode() == ChannelMode.SANDBOX ? UUID.randomUUID().toString()
                : command.password();
        try {
            platform.executeWithoutResult(status -> {
                jdbc.sql("""
                        INSERT INTO wms_connection (id, name, mode, host, port, username, password, private_key,
                                                    host_key, inbound_dir, outbound_dir, archive_dir, poll_seconds,
                                                    sender_qualifier, sender_id, receiver_qualifier, receiver_id,
                                                    x12_version, production, created_at, updated_at)
                        VALUES (:id, :name, :mode, :host, :port, :user, :password, :key, :hostKey, :inbound,
                                :outbound, :archive, :poll, :sq, :sid, :rq, :rid, :version, :production, :now, :now)""")
                        .param("id", id).param("name", command.name().strip()).param("mode", command.mode().name())
                        .param("host", command.host().strip()).param("port", command.port())
                        .param("user", command.username().strip())
                        .param("password", blank(password) ? null : cipher.seal(password, context(id, "password")))
                        .param("key", blank(command.privateKey()) ? null
                                : cipher.seal(command.privateKey(), context(id, "private_key")))
                        .param("hostKey", blank(command.hostKey()) ? null : command.hostKey().strip())
                        .param("inbound", command.inboundDir().strip()).param("outbound", command.outboundDir().strip())
                        .param("archive", command.archiveDir().strip()).param("poll", command.pollSeconds())
                        .param("sq", command.senderQualifier()).param("sid", command.senderId().strip())
                        .param("rq", command.receiverQualifier()).param("rid", command.receiverId().strip())
                        .param("version", command.x12Version()).param("production", command.production())
                        .param("now", now).update();
                for (String kind : List.of("ISA", "GS", "ST")) {
                    jdbc.sql("INSERT INTO x12_control_number (wms_connection_id, kind, next_value) VALUES (:id, :k, 1)")
                            .param("id", id).param("k", kind).update();
                }
            });
        } catch (DuplicateKeyException taken) {
            throw new WmsValidationException(Map.of("name", "A warehouse named \"" + command.name().strip()
                    + "\" is connected already; choose another name"));
        }
        jobs.schedule(id, java.time.Duration.ofSeconds(command.pollSeconds()));
        return connections().stream().filter(view -> view.id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, String> validate(WmsConnectionCommand command) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(command.name()) || command.name().strip().length() > 100) {
            problems.put("name", "Enter a name of up to 100 characters");
        }
        if (blank(command.host())) {
            problems.put("host", "Enter the SFTP host");
        }
        if (command.port() < 1 || command.port() > 65535) {
            problems.put("port", "A port is 1 to 65535 (SFTP usually 22)");
        }
        if (blank(command.username())) {
            problems.put("username", "Enter the SFTP user");
        }
        for (var folder : Map.of("outboundDir", command.outboundDir(), "inboundDir", command.inboundDir(),
                "archiveDir", command.archiveDir()).entrySet()) {
            if (blank(folder.getValue())) {
                problems.put(folder.getKey(), "Enter the folder");
            }
        }
        if (command.pollSeconds() < 30) {
            problems.put("pollSeconds", "Poll at most every 30 seconds");
        }
        if (!QUALIFIER.matcher(command.senderQualifier()).matches()) {
            problems.put("senderQualifier", "An ISA qualifier is two characters, e.g. ZZ or 01");
        }
        if (!QUALIFIER.matcher(command.receiverQualifier()).matches()) {
            problems.put("receiverQualifier", "An ISA qualifier is two characters, e.g. ZZ or 01");
        }
        if (!X12_ID.matcher(command.senderId().strip()).matches()) {
            problems.put("senderId", "An ISA id is 1 to 15 letters, digits, spaces, dots or dashes");
        }
        if (!X12_ID.matcher(command.receiverId().strip()).matches()) {
            problems.put("receiverId", "An ISA id is 1 to 15 letters, digits, spaces, dots or dashes");
        }
        if (!List.of("004010", "005010").contains(command.x12Version())) {
            problems.put("x12Version", "Choose X12 version 004010 or 005010");
        }
        return problems;
    }

    /** Maps a tenant to its customer (depositor) code at a warehouse; its released orders go there from now on. */
    @PreAuthorize(STAFF)
    public void assignAccount(TenantId tenant, UUID connectionId, String customerCode) {
        tenants.requireOpen(tenant);
        String code = customerCode == null ? "" : customerCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CUSTOMER_CODE.matcher(code).matches()) {
            throw new WmsValidationException(Map.of("customerCode", "A customer code is 1 to 30 letters, digits "
                    + "or dashes, as the warehouse knows the brand"));
        }
        boolean exists = jdbc.sql("SELECT count(*) FROM wms_connection WHERE id = :id").param("id", connectionId)
                .query(Long.class).single() > 0;
        if (!exists) {
            throw new WmsValidationException(Map.of("connection", "Choose a connected warehouse"));
        }
        try {
            transactions.writeAll(tenant, () -> jdbc.sql("""
                    INSERT INTO wms_account (tenant_id, id, wms_connection_id, customer_code)
                    VALUES (crossdock_current_tenant(), :id, :connection, :code)
                    ON CONFLICT (tenant_id) DO UPDATE SET wms_connection_id = excluded.wms_connection_id,
                        customer_code = excluded.customer_code""")
                    .param("id", UUID.randomUUID()).param("connection", connectionId).param("code", code).update());
        } catch (DuplicateKeyException taken) {
            throw new WmsValidationException(Map.of("customerCode", "Another brand has customer code " + code
                    + " at this warehouse"));
        }
        tenants.recordActivity(tenant, "wms.account", "Warehouse account " + code + " at connection "
                + connectionId);
    }

    /** The tenant's account at its warehouse, if it has one. */
    public record Account(UUID connectionId, String customerCode) {
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<Account> account(TenantId tenant) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("SELECT wms_connection_id, customer_code FROM wms_account")
                .query((rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getString(2))).optional());
    }

    /** The X12 documents the tenant exchanged with its warehouse, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<X12DocumentView> documents(TenantId tenant, int limit) {
        tenants.requireOpen(tenant);
        return transactions.read(tenant, () -> jdbc.sql("""
                SELECT d.id, d.direction, d.transaction_set, d.interchange_no, d.group_no, d.transaction_no,
                       d.reference, o.order_name, d.status, d.ack_status, d.message, f.name, d.created_at, d.segments
                FROM x12_document d JOIN wms_file f ON f.id = d.wms_file_id
                LEFT JOIN sales_order o ON o.id = d.order_id
                ORDER BY d.created_at DESC, d.transaction_no DESC LIMIT :limit""").param("limit", limit)
                .query((rs, n) -> new X12DocumentView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getTimestamp(13).toInstant(), rs.getString(14)))
                .list());
    }

    /**
     * The sandbox warehouse reports the selected tenant's stock (an 846 with a stable quantity per SKU it sells), and
     * the exchange that reads it starts.
     *
     * @return how many SKUs it reported
     */
    @PreAuthorize(STAFF)
    public int reportSandboxStock(TenantId tenant) {
        tenants.requireOpen(tenant);
        Account account = account(tenant).orElseThrow(() -> new IllegalStateException(
                "This brand has no warehouse account; map it to a warehouse first"));
        java.util.Set<String> skus = new java.util.TreeSet<>();
        catalog.shopifyListings(tenant).forEach(listing -> skus.addAll(listing.perSale().keySet()));
        Map<String, int[]> stock = new LinkedHashMap<>();
        skus.forEach(sku -> {
            int available = Math.floorMod(sku.hashCode(), 121);
            stock.put(sku, new int[] {available + 3, available});
        });
        exchange.sandboxStockSnapshot(account.connectionId(), account.customerCode(), stock);
        jobs.runNow(account.connectionId());
        return stock.size();
    }

    /**
     * How a warehouse acknowledges: what the portal answers its files with ({@code EVERY_GROUP}, {@code ERRORS_ONLY}
     * or {@code NONE}), whether it answers the portal's documents with 997s, and within how many minutes.
     */
    @PreAuthorize(ADMINS)
    public WmsConnectionView setAcknowledgements(UUID connectionId, String ackPolicy, boolean expects997,
            int deadlineMinutes) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!List.of("EVERY_GROUP", "ERRORS_ONLY", "NONE").contains(ackPolicy)) {
            problems.put("ackPolicy", "Choose when to answer with a 997: every group, only errors, or never");
        }
        if (deadlineMinutes < 1 || deadlineMinutes > 7 * 24 * 60) {
            problems.put("ackDeadline", "The deadline is 1 minute to 7 days (10080 minutes)");
        }
        if (!problems.isEmpty()) {
            throw new WmsValidationException(problems);
        }
        int updated = platform.execute(status -> jdbc.sql("""
                UPDATE wms_connection SET ack_policy = :policy, expects_997 = :expects, ack_deadline_min = :deadline,
                                          updated_at = :now, version = version + 1
                WHERE id = :id""").param("policy", ackPolicy).param("expects", expects997)
                .param("deadline", deadlineMinutes).param("now", Timestamp.from(clock.instant()))
                .param("id", connectionId).update());
        if (updated == 0) {
            throw new IllegalArgumentException("No WMS connection " + connectionId);
        }
        return connections().stream().filter(view -> view.id().equals(connectionId)).findFirst().orElseThrow();
    }

    /**
     * How a sandbox warehouse ships new orders ({@code SHIP_COMPLETE}, {@code SPLIT_CARTONS}, {@code SHORT_SHIP}) and
     * how many minutes documents wait before it answers them.
     */
    @PreAuthorize(ADMINS)
    public WmsConnectionView setSandboxBehaviour(UUID connectionId, String shipping, int holdMinutes) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!List.of("SHIP_COMPLETE", "SPLIT_CARTONS", "SHORT_SHIP").contains(shipping)) {
            problems.put("shipping", "Choose how the sandbox warehouse ships: complete, split or short");
        }
        if (holdMinutes < 0 || holdMinutes > 1440) {
            problems.put("hold", "The sandbox warehouse waits 0 to 1440 minutes (a day)");
        }
        if (!problems.isEmpty()) {
            throw new WmsValidationException(problems);
        }
        int updated = platform.execute(status -> jdbc.sql("""
                UPDATE wms_connection SET sandbox_shipping = :shipping, sandbox_hold_min = :hold, updated_at = :now,
                                          version = version + 1
                WHERE id = :id AND mode = 'SANDBOX'""").param("shipping", shipping).param("hold", holdMinutes)
                .param("now", Timestamp.from(clock.instant())).param("id", connectionId).update());
        if (updated == 0) {
            throw new IllegalArgumentException("No sandbox warehouse " + connectionId);
        }
        return connections().stream().filter(view -> view.id().equals(connectionId)).findFirst().orElseThrow();
    }

    /**
     * The sandbox warehouse sends the selected brand a malformed stock report ({@code WRONG_SEGMENT_COUNT},
     * {@code MISMATCHED_CONTROL_NUMBERS}, {@code MISSING_SEGMENT_TERMINATORS}, {@code FRACTIONAL_QUANTITY}), and the
     * exchange that quarantines or rejects it starts; for UAT and demonstrations.
     */
    @PreAuthorize(STAFF)
    public void sendSandboxMalformed(TenantId tenant, String kind) {
        tenants.requireOpen(tenant);
        Account account = account(tenant).orElseThrow(() -> new IllegalStateException(
                "This brand has no warehouse account; map it to a warehouse first"));
        com.crossdock.portal.warehouse.sandbox.WmsSimulator.Malformation malformation;
        try {
            malformation = com.crossdock.portal.warehouse.sandbox.WmsSimulator.Malformation.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            throw new WmsValidationException(Map.of("kind", "Choose one of the malformed files the sandbox sends"));
        }
        String sku = catalog.shopifyListings(tenant).stream().flatMap(listing -> listing.perSale().keySet().stream())
                .sorted().findFirst().orElse("SANDBOX-ITEM");
        exchange.sandboxMalformed(account.connectionId(), account.customerCode(), sku, malformation);
        tenants.recordActivity(tenant, "wms.sandbox.malformed", "The sandbox warehouse sent a malformed 846 ("
                + kind + ")");
        jobs.runNow(account.connectionId());
    }

    /** A file exchanged with a warehouse, as the platform admin sees it (never its content). */
    public record WmsFileView(UUID id, String direction, String name, String status, String problem, int bytes,
            java.time.Instant createdAt) {
    }

    /** The latest files exchanged with a warehouse, newest first. */
    @PreAuthorize(ADMINS)
    public List<WmsFileView> files(UUID connectionId, int limit) {
        return jdbc.sql("""
                SELECT id, direction, name, status, problem, octet_length(content), created_at FROM wms_file
                WHERE wms_connection_id = :connection ORDER BY created_at DESC, name DESC LIMIT :limit""")
                .param("connection", connectionId).param("limit", limit)
                .query((rs, n) -> new WmsFileView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Applies a received file again after a fix (see {@link WmsExchange#reprocess}). */
    @PreAuthorize(ADMINS)
    public WmsExchange.Reprocessed reprocessFile(UUID fileId) {
        return exchange.reprocess(fileId);
    }

    /**
     * Applies the file of a rejected document of the tenant again, after the brand fixed what it was rejected for
     * (the order or inbound shipment it names sent, the catalog corrected); recorded in the tenant's activity.
     */
    @PreAuthorize(EDITORS)
    public WmsExchange.Reprocessed reprocessDocument(TenantId tenant, UUID documentId) {
        tenants.requireOpen(tenant);
        record Rejected(UUID fileId, String status, String what) {
        }
        Rejected document = transactions.read(tenant, () -> jdbc.sql("""
                SELECT wms_file_id, status, transaction_set || ' ' || transaction_no FROM x12_document
                WHERE id = :id AND direction = 'INBOUND'""").param("id", documentId)
                .query((rs, n) -> new Rejected(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional()).orElseThrow(() -> new IllegalArgumentException(
                        "This brand received no document " + documentId));
        if (!document.status().equals("REJECTED")) {
            throw new IllegalStateException("Only a rejected document can be reprocessed; " + document.what()
                    + " is " + document.status().toLowerCase(java.util.Locale.ROOT));
        }
        WmsExchange.Reprocessed outcome = exchange.reprocess(document.fileId());
        tenants.recordActivity(tenant, "wms.reprocess", "Reprocessed " + document.what() + ": " + outcome.applied()
                + " applied" + (outcome.problem().isEmpty() ? "" : "; " + outcome.problem()));
        return outcome;
    }

    /**
     * Connects to a warehouse's SFTP server and lists its folders, to prove the settings; the server's key is pinned
     * if none was. A failure explains itself (unreachable host, refused login, a key that is not the pinned one).
     */
    @PreAuthorize(ADMINS)
    public WmsExchange.ConnectionCheck checkConnection(UUID connectionId) {
        return exchange.check(connectionId);
    }

    /**
     * An 856 ship notice as a file to send a retail partner.
     *
     * @param cartons the packs it lists
     */
    public record ShipNoticeFile(String name, byte[] content, int cartons) {
    }

    /**
     * Writes the 856 ship notice for one of the tenant's shipped orders, addressed to a retail partner by its ISA
     * qualifier and id, from the brand's customer code at its warehouse (its tenant code when it has no account).
     *
     * @param purchaseOrder the partner's PO number, or blank to use the order's name
     */
    @PreAuthorize(EDITORS)
    public ShipNoticeFile shipNotice(TenantId tenant, String orderName, String purchaseOrder,
            String partnerQualifier, String partnerId) {
        tenants.requireOpen(tenant);
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(orderName)) {
            problems.put("order", "Enter the order's name, e.g. #1001");
        }
        if (!QUALIFIER.matcher(partnerQualifier).matches()) {
            problems.put("partnerQualifier", "An ISA qualifier is two characters, e.g. ZZ, 01 or 08");
        }
        if (!X12_ID.matcher(partnerId.strip()).matches()) {
            problems.put("partnerId", "The partner's ISA id is 1 to 15 letters, digits, spaces, dots or dashes");
        }
        if (!problems.isEmpty()) {
            throw new WmsValidationException(problems);
        }
        var branding = tenants.branding(tenant);
        Optional<Account> account = account(tenant);
        String sender = account.map(Account::customerCode).orElse(branding.tenantName().replaceAll("[^A-Za-z0-9]",
                "").toUpperCase(java.util.Locale.ROOT));
        String warehouse = account.flatMap(found -> connections().stream().filter(view -> view.id().equals(
                found.connectionId())).findFirst()).map(WmsConnectionView::name).orElse("");
        ShipNoticeFile file = shipNotices.write(tenant, sender.isEmpty() ? "BRAND" : sender,
                branding.tenantName() + (warehouse.isEmpty() ? "" : " c/o " + warehouse), orderName,
                purchaseOrder, partnerQualifier, partnerId);
        tenants.recordActivity(tenant, "asn.856", "856 ship notice for " + orderName.strip() + " to "
                + partnerQualifier + "/" + partnerId.strip() + ": " + file.cartons() + " carton(s), " + file.name());
        return file;
    }

    /** Runs a warehouse's exchange now (it never overlaps a scheduled one). */
    @PreAuthorize(ADMINS)
    public void exchangeNow(UUID connectionId) {
        jobs.runNow(connectionId);
    }

    static String context(UUID connection, String field) {
        return "wms/" + connection + "/" + field;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
