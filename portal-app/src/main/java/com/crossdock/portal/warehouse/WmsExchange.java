package com.crossdock.portal.warehouse;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.CredentialCipher;
import com.crossdock.portal.identity.SystemActor;
import com.crossdock.portal.receiving.InboundAdvice;
import com.crossdock.portal.receiving.InboundReceipt;
import com.crossdock.portal.receiving.InboundReceipts;
import com.crossdock.portal.sync.WarehouseFeedback;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.portal.warehouse.sandbox.WmsSimulator;
import com.crossdock.portal.warehouse.sftp.RemoteFile;
import com.crossdock.portal.warehouse.sftp.SandboxSftpServer;
import com.crossdock.portal.warehouse.sftp.SftpEndpoint;
import com.crossdock.portal.warehouse.sftp.SftpSession;
import com.crossdock.portal.warehouse.sftp.SftpTransport;
import com.crossdock.portal.warehouse.sftp.WmsSandboxProperties;
import com.crossdock.portal.warehouse.x12.WmsDocuments;
import com.crossdock.portal.warehouse.x12.WmsInbound;
import com.crossdock.portal.warehouse.x12.WmsRefusal;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.x12.FunctionalAck997;
import com.crossdock.tenantconfig.x12.InterchangeAck;
import com.crossdock.tenantconfig.x12.X12ControlNumbers;
import com.crossdock.tenantconfig.x12.X12Delimiters;
import com.crossdock.tenantconfig.x12.X12Envelope;
import com.crossdock.tenantconfig.x12.X12Exception;
import com.crossdock.tenantconfig.x12.X12Group;
import com.crossdock.tenantconfig.x12.X12Interchange;
import com.crossdock.tenantconfig.x12.X12Reader;
import com.crossdock.tenantconfig.x12.X12Transmission;
import com.crossdock.tenantconfig.x12.X12Writer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One exchange with a warehouse's WMS over SFTP, as the system actor. Outbound: every tenant with an account there
 * gets its unsent outbox messages written as 940s (control numbers taken, the file and its document kept, in one
 * transaction), uploaded under a temporary name and renamed, then marked sent; a file kept but not uploaded (the
 * portal stopped) is uploaded on the next run, and a message that already has its 940 is never written twice.
 * Inbound shipments the brand marked ready go out as 943s the same way. Inbound: each file is read, kept with its
 * checksum and committed before it is moved to the archive; a file seen before is only moved; then it is parsed
 * and applied (945 → shipments, 944 → receipts, 846 → stock, 997 → acknowledgements) for the tenant its customer
 * code names, and answered with a 997; a file that cannot be read is quarantined with its
 * bytes and answered with a rejecting 997 or a TA1. In sandbox mode the simulated warehouse answers in between.
 */
@Component
public class WmsExchange {

    private static final Logger log = LoggerFactory.getLogger(WmsExchange.class);
    private static final String ACTOR = "wms";
    private static final int BATCH = 200;

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final TransactionTemplate platform;
    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final WmsLedger ledger;
    private final WarehouseFeedback warehouse;
    private final SftpTransport transport;
    private final SandboxSftpServer sandboxServer;
    private final InboundReceipts receipts;
    private final WmsSandboxProperties sandbox;
    private final Clock clock;
    private final InboundApplication application;
    private final WmsDocuments documents = new WmsDocuments();

    WmsExchange(TenantService tenants, TenantTransactions transactions, TransactionTemplate platform,
            JdbcClient jdbc, CredentialCipher cipher, WmsLedger ledger, WarehouseFeedback warehouse,
            SftpTransport transport, SandboxSftpServer sandboxServer, InboundReceipts receipts,
            WmsSandboxProperties sandbox, InboundApplication application, Clock clock) {
        this.application = application;
        this.receipts = receipts;
        this.sandbox = sandbox;
        this.tenants = tenants;
        this.transactions = transactions;
        this.platform = platform;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.ledger = ledger;
        this.warehouse = warehouse;
        this.transport = transport;
        this.sandboxServer = sandboxServer;
        this.clock = clock;
    }

    /**
     * What one exchange did.
     *
     * @param ordersSent  940s uploaded
     * @param advicesSent 943s uploaded (inbound shipments announced)
     */
    public record Outcome(int ordersSent, int advicesSent, int filesRead, int documentsApplied,
            int filesQuarantined) {
    }

    private record Connection(UUID id, String name, ChannelMode mode, String host, int port, String username,
            byte @Nullable [] password, byte @Nullable [] privateKey, @Nullable String hostKey, String outbound,
            String inbound, String archive, int ackDeadlineMinutes, String ackPolicy, boolean expects997,
            WmsSimulator.Behaviour sandboxShipping, int sandboxHoldMinutes, X12Envelope ours, X12Envelope theirs) {

        /** The acknowledgement status an outbound document starts with. */
        String awaited() {
            return expects997 ? "AWAITED" : "NONE";
        }
    }

    /** Runs one exchange with the warehouse. */
    public Outcome exchange(UUID connectionId) {
        return SystemActor.call(ACTOR, () -> {
            Connection connection = load(connectionId);
            Map<String, TenantId> accounts = accounts(connectionId);
            int sent = 0;
            int advised = 0;
            int read = 0;
            int applied = 0;
            int quarantined = 0;
            try (SftpSession session = transport.open(endpoint(connection))) {
                pinOnFirstUse(connection, session);
                for (WmsLedger.PendingFile pending : platform.execute(status -> ledger.pendingOutbound(connectionId))) {
                    upload(session, connection, pending.id(), pending.name(), pending.content());
                }
                for (var account : accounts.entrySet()) {
                    sent += sendOrders(session, connection, account.getValue(), account.getKey());
                    advised += sendAdvices(session, connection, account.getValue(), account.getKey());
                }
                if (connection.mode() == ChannelMode.SANDBOX) {
                    simulate(connection);
                }
                for (WmsLedger.PendingFile pending : platform.execute(status -> ledger.pendingInbound(connectionId))) {
                    // kept and archived, but the portal stopped before it was applied: apply what was not
                    log.info("{} from {} was kept but not applied; applying it now", pending.name(),
                            connection.name());
                    read++;
                    int done = apply(session, connection, accounts, pending.id(), pending.content(),
                            application.alreadyApplied(accounts, pending.id()));
                    quarantined += done < 0 ? 1 : 0;
                    applied += Math.max(done, 0);
                }
                for (RemoteFile file : session.list(connection.inbound())) {
                    byte[] content = session.read(connection.inbound(), file.name());
                    Optional<UUID> kept = platform.execute(status -> ledger.keepFile(connectionId, "INBOUND",
                            file.name(), content, "PENDING"));
                    session.moveTo(connection.inbound(), file.name(), connection.archive());
                    if (kept.isEmpty()) {
                        log.info("{} from {} was read before; moved to the archive only", file.name(),
                                connection.name());
                        continue;
                    }
                    read++;
                    int done = apply(session, connection, accounts, kept.get(), content, Set.of());
                    if (done < 0) {
                        quarantined++;
                    } else {
                        applied += done;
                    }
                }
            }
            accounts.values().forEach(tenant -> flagOverdue(connection, tenant));
            return new Outcome(sent, advised, read, applied, quarantined);
        });
    }

    /**
     * A live connection without a pinned server key trusts the first one it meets and pins it from then on (the
     * sandbox's own server is always pinned to its key).
     */
    private void pinOnFirstUse(Connection connection, SftpSession session) {
        if (connection.mode() == ChannelMode.LIVE && connection.hostKey() == null) {
            platform.executeWithoutResult(status -> jdbc.sql("""
                    UPDATE wms_connection SET host_key = :key WHERE id = :id AND host_key IS NULL""")
                    .param("key", session.serverKeyFingerprint()).param("id", connection.id()).update());
            log.info("{} presented {} on first use; pinned", connection.name(), session.serverKeyFingerprint());
        }
    }

    /**
     * What a connection check found: the server's key and how many files wait in each folder.
     *
     * @param serverKey   the fingerprint the server presented (pinned now if none was)
     * @param toWarehouse files in the outbound folder the warehouse has not taken yet
     * @param fromWarehouse files in the inbound folder waiting for the next exchange
     */
    public record ConnectionCheck(String serverKey, int toWarehouse, int fromWarehouse) {
    }

    /** Connects, pins the server key on first use, and lists both folders, without moving anything. */
    public ConnectionCheck check(UUID connectionId) {
        return SystemActor.call(ACTOR, () -> {
            Connection connection = load(connectionId);
            try (SftpSession session = transport.open(endpoint(connection))) {
                pinOnFirstUse(connection, session);
                return new ConnectionCheck(session.serverKeyFingerprint(), session.list(connection.outbound()).size(),
                        session.list(connection.inbound()).size());
            }
        });
    }

    // --- outbound -----------------------------------------------------------------------------------------------

    private int sendOrders(SftpSession session, Connection connection, TenantId tenant, String customerCode) {
        int sent = 0;
        for (WarehouseFeedback.OutboxMessage message : warehouse.unsent(tenant, BATCH)) {
            boolean cancel = message.kind().equals("CANCEL");
            String depositor = depositorNumber(tenant, message, cancel);
            Optional<String> existing = transactions.read(tenant, () -> jdbc.sql("""
                    SELECT f.name FROM x12_document d JOIN wms_file f ON f.id = d.wms_file_id
                    WHERE d.outbox_id = :outbox""").param("outbox", message.id()).query(String.class).optional());
            if (existing.isPresent()) {
                // written and kept before the portal stopped: the file itself goes out with the pending ones
                warehouse.markSent(tenant, message.id(), "940 in " + existing.get());
                continue;
            }
            record Written(UUID fileId, String name, byte[] content) {
            }
            Written written;
            try {
                written = transactions.write(tenant, () -> {
                    long isa = ledger.take(connection.id(), "ISA");
                    long gs = ledger.take(connection.id(), "GS");
                    long st = ledger.take(connection.id(), "ST");
                    byte[] content = documents.shippingOrder(connection.ours(), new X12ControlNumbers(isa, gs, st),
                            LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), customerCode, depositor,
                            message.payload(), cancel);
                    String name = "940_" + customerCode + "_" + "%09d".formatted(isa) + ".edi";
                    UUID fileId = ledger.keepFile(connection.id(), "OUTBOUND", name, content, "PENDING")
                            .orElseThrow(() -> new IllegalStateException("a new 940 file cannot exist already"));
                    ledger.document(fileId, "OUTBOUND", "940", "%09d".formatted(isa), Long.toString(gs),
                            "%04d".formatted(st), depositor, message.orderId(), message.id(), "SENT", connection.awaited(),
                            InboundApplication.readable(content), cancel ? "Cancel of the order" : "");
                    return new Written(fileId, name, content);
                });
            } catch (IllegalArgumentException incomplete) {
                // nothing was kept and no control number taken; the message waits until the order is fixed
                warehouse.reportProblem(tenant, "WMS_ORDER_INCOMPLETE", "940:" + message.id(),
                        "940 for " + depositor, "The order cannot be sent to the warehouse as a 940: "
                                + incomplete.getMessage() + ". Fix the order (or its catalog data), then retry.",
                        message.payload());
                continue;
            }
            upload(session, connection, written.fileId(), written.name(), written.content());
            warehouse.markSent(tenant, message.id(), "940 " + written.name() + " to " + connection.name());
            sent++;
        }
        return sent;
    }

    /** Inbound shipments marked ready go out as 943s, like the 940s: numbers, file and document in one transaction. */
    private int sendAdvices(SftpSession session, Connection connection, TenantId tenant, String customerCode) {
        int sent = 0;
        for (InboundAdvice advice : receipts.unsentAdvices(tenant)) {
            Optional<String> existing = transactions.read(tenant, () -> jdbc.sql("""
                    SELECT f.name FROM x12_document d JOIN wms_file f ON f.id = d.wms_file_id
                    WHERE d.direction = 'OUTBOUND' AND d.transaction_set = '943' AND d.reference = :reference""")
                    .param("reference", advice.reference()).query(String.class).optional());
            if (existing.isPresent()) {
                // written and kept before the portal stopped: the file itself goes out with the pending ones
                receipts.markAdvised(tenant, advice.shipmentId(), "943 in " + existing.get());
                continue;
            }
            record Written(UUID fileId, String name, byte[] content) {
            }
            Written written;
            try {
                written = transactions.write(tenant, () -> {
                    long isa = ledger.take(connection.id(), "ISA");
                    long gs = ledger.take(connection.id(), "GS");
                    long st = ledger.take(connection.id(), "ST");
                    byte[] content = documents.stockTransfer(connection.ours(), new X12ControlNumbers(isa, gs, st),
                            LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), customerCode, advice);
                    String name = "943_" + customerCode + "_" + "%09d".formatted(isa) + ".edi";
                    UUID fileId = ledger.keepFile(connection.id(), "OUTBOUND", name, content, "PENDING")
                            .orElseThrow(() -> new IllegalStateException("a new 943 file cannot exist already"));
                    ledger.document(fileId, "OUTBOUND", "943", "%09d".formatted(isa), Long.toString(gs),
                            "%04d".formatted(st), advice.reference(), null, null, "SENT", connection.awaited(),
                            InboundApplication.readable(content), "Inbound shipment " + advice.reference());
                    return new Written(fileId, name, content);
                });
            } catch (IllegalArgumentException incomplete) {
                // nothing was kept and no control number taken; the shipment waits until it is fixed
                warehouse.reportProblem(tenant, "WMS_TRANSFER_INCOMPLETE", "943:" + advice.reference(),
                        "943 for " + advice.reference(), "The inbound shipment cannot be sent to the warehouse as "
                                + "a 943: " + incomplete.getMessage() + ".", advice.toString());
                continue;
            }
            upload(session, connection, written.fileId(), written.name(), written.content());
            receipts.markAdvised(tenant, advice.shipmentId(), "943 " + written.name() + " to " + connection.name());
            sent++;
        }
        return sent;
    }

    /**
     * The number the 940 gives the order (W05-02) and the 945 echoes: from the outbox message of the order, so a
     * cancel names the order it cancels.
     */
    private String depositorNumber(TenantId tenant, WarehouseFeedback.OutboxMessage message, boolean cancel) {
        UUID orderMessage = !cancel ? message.id() : transactions.read(tenant, () -> jdbc.sql("""
                SELECT id FROM wms_outbox WHERE order_id = :order AND kind = 'ORDER'""")
                .param("order", message.orderId()).query(UUID.class).optional().orElse(message.id()));
        return "CD-" + orderMessage.toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    }

    private void upload(SftpSession session, Connection connection, UUID fileId, String name, byte[] content) {
        boolean there = session.list(connection.outbound()).stream().anyMatch(file -> file.name().equals(name));
        if (!there) {
            session.uploadAtomically(connection.outbound(), name, content);
        }
        platform.executeWithoutResult(status -> ledger.fileDone(fileId, "SENT", ""));
    }

    // --- inbound ------------------------------------------------------------------------------------------------

    /**
     * Applies a kept inbound file, skipping the transactions in {@code done}: the number of documents applied, or -1
     * when it was quarantined (unreadable, or its application failed and was rolled back; the platform admin can
     * reprocess it once the cause is fixed).
     */
    private int apply(SftpSession session, Connection connection, Map<String, TenantId> accounts, UUID fileId,
            byte[] content, Set<String> done) {
        X12Transmission transmission;
        try {
            transmission = new X12Reader().read(content);
        } catch (X12Exception unreadable) {
            String problem = unreadable.getMessage();
            platform.executeWithoutResult(status -> ledger.fileDone(fileId, "QUARANTINED", problem));
            answerRefusal(session, connection, content, unreadable);
            log.warn("A file from {} was quarantined: {}", connection.name(), problem);
            return -1;
        }
        InboundApplication.Result result;
        try {
            result = application.apply(connection.name(), accounts, fileId, transmission, content, done);
        } catch (RuntimeException failed) {
            // each tenant's part of the file was rolled back whole; keep the file aside instead of blocking the
            // warehouse's next files behind it
            log.error("Applying a file from {} failed; it is quarantined", connection.name(), failed);
            platform.executeWithoutResult(status -> ledger.fileDone(fileId, "QUARANTINED",
                    "Could not be applied: " + failed));
            return -1;
        }
        answer(session, connection, transmission, result);
        platform.executeWithoutResult(status -> ledger.fileDone(fileId, "APPLIED", result.problem()));
        return result.applied();
    }

    /**
     * The answers the warehouse asked for: a TA1 per interchange with ISA14 = 1, and 997s for its groups as the
     * connection's acknowledgement policy says (every group, only groups with a rejected transaction, or none).
     */
    private void answer(SftpSession session, Connection connection, X12Transmission transmission,
            InboundApplication.Result result) {
        List<FunctionalAck997> acks = new java.util.ArrayList<>();
        for (X12Interchange interchange : transmission.interchanges()) {
            if (interchange.acknowledgmentRequested()) {
                sendTa1(session, connection, new InterchangeAck(interchange.controlNumber(), interchange.date(),
                        interchange.time(), "A", "000"));
            }
            for (X12Group group : interchange.groups()) {
                if (group.functionalId().equals("FA")) {
                    continue;
                }
                Set<String> rejected = result.rejectedIn(group.controlNumber());
                boolean wanted = switch (connection.ackPolicy()) {
                    case "NONE" -> false;
                    case "ERRORS_ONLY" -> !rejected.isEmpty();
                    default -> true;
                };
                if (wanted) {
                    Map<String, List<FunctionalAck997.SegmentError>> errors = new LinkedHashMap<>();
                    rejected.forEach(st -> errors.put(st, List.of()));
                    acks.add(documents.acknowledgment(group, errors));
                }
            }
        }
        if (!acks.isEmpty()) {
            answer(session, connection, acks);
        }
    }

    /**
     * What reprocessing a kept file did.
     *
     * @param readable whether the file could be read this time
     * @param applied  transactions that changed something now
     * @param problem  what still cannot be used (the reader's reason when unreadable), or empty
     */
    public record Reprocessed(boolean readable, int applied, String problem) {
    }

    /**
     * Reads a kept inbound file again and applies what was not applied before (after the account was mapped, the
     * order or shipment sent, or the reader fixed). Its earlier rejected documents are marked REPROCESSED and the new
     * outcome is recorded beside them; transactions applied before are skipped. Nothing is sent to the warehouse: it
     * had its answer when the file arrived.
     */
    public Reprocessed reprocess(UUID fileId) {
        return SystemActor.call(ACTOR, () -> {
            record Kept(UUID connectionId, String direction, byte[] content) {
            }
            Kept kept = jdbc.sql("SELECT wms_connection_id, direction, content FROM wms_file WHERE id = :id")
                    .param("id", fileId).query((rs, n) -> new Kept(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getBytes(3))).optional()
                    .orElseThrow(() -> new IllegalArgumentException("No kept file " + fileId));
            if (!kept.direction().equals("INBOUND")) {
                throw new IllegalArgumentException("Only files received from a warehouse can be reprocessed");
            }
            Connection connection = load(kept.connectionId());
            Map<String, TenantId> accounts = accounts(connection.id());
            X12Transmission transmission;
            try {
                transmission = new X12Reader().read(kept.content());
            } catch (X12Exception unreadable) {
                platform.executeWithoutResult(status -> ledger.fileDone(fileId, "QUARANTINED",
                        unreadable.getMessage()));
                return new Reprocessed(false, 0, unreadable.getMessage());
            }
            Set<String> done = application.alreadyApplied(accounts, fileId);
            for (TenantId tenant : Set.copyOf(accounts.values())) {
                transactions.writeAll(tenant, () -> jdbc.sql("""
                        UPDATE x12_document SET status = 'REPROCESSED'
                        WHERE wms_file_id = :file AND direction = 'INBOUND' AND status = 'REJECTED'""")
                        .param("file", fileId).update());
            }
            InboundApplication.Result result = application.apply(connection.name(), accounts, fileId, transmission,
                    kept.content(), done);
            platform.executeWithoutResult(status -> ledger.fileDone(fileId, "APPLIED", result.problem()));
            return new Reprocessed(true, result.applied(), result.problem());
        });
    }

    /** A file as the warehouse left it, by its name. */
    record InboundFile(String name, byte[] content) {
    }

    /**
     * The inbound half of an exchange without the server, for measuring it (WmsApplyBenchmark): each file is kept,
     * read, applied and marked applied as {@link #exchange} does, but neither answered with a 997 nor archived, as
     * both need the server. A file that cannot be read fails the call instead of being quarantined.
     *
     * @return the documents applied
     */
    int receiveWithoutServer(UUID connectionId, List<InboundFile> files) {
        return SystemActor.call(ACTOR, () -> {
            Connection connection = load(connectionId);
            Map<String, TenantId> accounts = accounts(connectionId);
            int applied = 0;
            for (InboundFile file : files) {
                UUID fileId = platform.execute(status -> ledger.keepFile(connectionId, "INBOUND", file.name(),
                        file.content(), "PENDING")).orElseThrow(() -> new IllegalArgumentException(file.name()
                                + " was received before"));
                applied += application.apply(connection.name(), accounts, fileId,
                        new X12Reader().read(file.content()), file.content(), Set.of()).applied();
                platform.executeWithoutResult(status -> ledger.fileDone(fileId, "APPLIED", ""));
            }
            return applied;
        });
    }

    /**
     * The answer to a file that cannot be read: 997s rejecting the groups still found (unless the policy is to send
     * none), else a TA1 rejecting the interchange, which is sent whatever the policy, as nothing else can say it.
     */
    private void answerRefusal(SftpSession session, Connection connection, byte[] content, X12Exception problem) {
        WmsRefusal refusal = documents.refusal(content, problem);
        if (!refusal.acknowledgments().isEmpty()) {
            if (!connection.ackPolicy().equals("NONE")) {
                answer(session, connection, refusal.acknowledgments());
            }
        } else if (refusal.interchangeAck() != null) {
            sendTa1(session, connection, refusal.interchangeAck());
        }
    }

    private void sendTa1(SftpSession session, Connection connection, InterchangeAck ack) {
        long isa = platform.execute(status -> ledger.take(connection.id(), "ISA"));
        byte[] ta1 = new X12Writer(connection.ours()).writeTa1(ack, isa,
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        keepAndUpload(session, connection, "TA1_" + "%09d".formatted(isa) + ".edi", ta1);
    }

    /** Writes 997s back to the warehouse with control numbers of their own. */
    private void answer(SftpSession session, Connection connection, List<FunctionalAck997> acks) {
        record Numbered(long isa, byte[] content) {
        }
        Numbered written = platform.execute(status -> {
            long isa = ledger.take(connection.id(), "ISA");
            long gs = ledger.take(connection.id(), "GS");
            long st = ledger.take(connection.id(), "ST");
            return new Numbered(isa, new X12Writer(connection.ours()).write(acks, new X12ControlNumbers(isa, gs, st),
                    LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
        });
        keepAndUpload(session, connection, "997_" + "%09d".formatted(written.isa()) + ".edi", written.content());
    }

    private void keepAndUpload(SftpSession session, Connection connection, String name, byte[] content) {
        Optional<UUID> fileId = platform.execute(status -> ledger.keepFile(connection.id(), "OUTBOUND", name,
                content, "PENDING"));
        fileId.ifPresent(id -> upload(session, connection, id, name, content));
    }

    /** Documents the warehouse has not acknowledged within its deadline become overdue, each an exception. */
    private void flagOverdue(Connection connection, TenantId tenant) {
        java.sql.Timestamp before = java.sql.Timestamp.from(clock.instant().minus(
                java.time.Duration.ofMinutes(connection.ackDeadlineMinutes())));
        List<String> overdue = transactions.write(tenant, () -> jdbc.sql("""
                UPDATE x12_document SET ack_status = 'OVERDUE'
                WHERE direction = 'OUTBOUND' AND ack_status = 'AWAITED' AND created_at < :before
                RETURNING transaction_set || ' ' || reference || ' (ISA ' || interchange_no || ')'""")
                .param("before", before).query(String.class).list());
        for (String document : overdue) {
            warehouse.reportProblem(tenant, "ACK_OVERDUE", "ack:" + document, document,
                    connection.name() + " has not acknowledged " + document + " within "
                            + connection.ackDeadlineMinutes() + " minutes (no 997). Ask the warehouse whether it "
                            + "received the file; it stays sent.", "");
        }
    }

    // --- the connection -----------------------------------------------------------------------------------------

    private void simulate(Connection connection) {
        var root = sandboxServer.rootOf(connection.username());
        try {
            new WmsSimulator(connection.theirs(), clock).process(root.resolve(connection.outbound()),
                    root.resolve(connection.inbound()), connection.sandboxShipping(), sandbox.receiving(),
                    java.time.Duration.ofMinutes(connection.sandboxHoldMinutes()));
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox warehouse of " + connection.name() + " could not work", e);
        }
    }

    /** The sandbox warehouse reports stock for a tenant (an 846 in its outbound folder, read by the next run). */
    public void sandboxStockSnapshot(UUID connectionId, String customerCode, Map<String, int[]> onHandAvailable) {
        SystemActor.call(ACTOR, () -> {
            Connection connection = load(connectionId);
            if (connection.mode() != ChannelMode.SANDBOX) {
                throw new IllegalStateException(connection.name() + " is a live warehouse; its WMS sends stock");
            }
            sandboxServer.account(connection.username(), password(connection));
            try {
                new WmsSimulator(connection.theirs(), clock).writeStockSnapshot(
                        sandboxServer.rootOf(connection.username()).resolve(connection.inbound()), customerCode,
                        onHandAvailable);
            } catch (IOException e) {
                throw new UncheckedIOException("The sandbox warehouse could not write its stock", e);
            }
            return null;
        });
    }

    /** The sandbox warehouse sends a broken stock report, which the next exchange quarantines and answers. */
    public void sandboxMalformed(UUID connectionId, String customerCode, String sku, WmsSimulator.Malformation kind) {
        SystemActor.call(ACTOR, () -> {
            Connection connection = load(connectionId);
            if (connection.mode() != ChannelMode.SANDBOX) {
                throw new IllegalStateException(connection.name() + " is a live warehouse; only a sandbox one sends "
                        + "malformed files on demand");
            }
            sandboxServer.account(connection.username(), password(connection));
            try {
                new WmsSimulator(connection.theirs(), clock).writeMalformed(sandboxServer.rootOf(
                        connection.username()).resolve(connection.inbound()), customerCode, sku, kind);
            } catch (IOException e) {
                throw new UncheckedIOException("The sandbox warehouse could not write the file", e);
            }
            return null;
        });
    }

    private SftpEndpoint endpoint(Connection connection) {
        if (connection.mode() == ChannelMode.SANDBOX) {
            return sandboxServer.account(connection.username(), password(connection)).endpoint(password(connection));
        }
        String password = connection.password() == null ? null
                : cipher.open(connection.password(), WmsService.context(connection.id(), "password"));
        String key = connection.privateKey() == null ? null
                : cipher.open(connection.privateKey(), WmsService.context(connection.id(), "private_key"));
        return new SftpEndpoint(connection.host(), connection.port(), connection.username(), password, key,
                connection.hostKey(), SftpEndpoint.DEFAULT_CONNECT_TIMEOUT, SftpEndpoint.DEFAULT_AUTH_TIMEOUT,
                SftpEndpoint.DEFAULT_IO_TIMEOUT);
    }

    private String password(Connection connection) {
        if (connection.password() == null) {
            throw new IllegalStateException("The sandbox warehouse " + connection.name() + " has no password");
        }
        return cipher.open(connection.password(), WmsService.context(connection.id(), "password"));
    }

    private Connection load(UUID connectionId) {
        return jdbc.sql("""
                SELECT id, name, mode, host, port, username, password, private_key, host_key, outbound_dir,
                       inbound_dir, archive_dir, sender_qualifier, sender_id, receiver_qualifier, receiver_id,
                       x12_version, production, element_separator, segment_terminator, component_separator,
                       ack_deadline_min, ack_policy, expects_997, sandbox_shipping, sandbox_hold_min
                FROM wms_connection WHERE id = :id""").param("id", connectionId)
                .query((rs, n) -> {
                    String version = rs.getString(17).equals("005010") ? "00501" : "00401";
                    X12Delimiters delimiters = new X12Delimiters(rs.getString(19).charAt(0),
                            rs.getString(21).charAt(0), rs.getString(20).charAt(0),
                            version.equals("00501") ? '^' : null);
                    boolean production = rs.getBoolean(18);
                    String sq = rs.getString(13);
                    String sid = rs.getString(14);
                    String rq = rs.getString(15);
                    String rid = rs.getString(16);
                    return new Connection(rs.getObject(1, UUID.class), rs.getString(2),
                            ChannelMode.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getString(6),
                            rs.getBytes(7), rs.getBytes(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getInt(22), rs.getString(23), rs.getBoolean(24),
                            WmsSimulator.Behaviour.valueOf(rs.getString(25)), rs.getInt(26),
                            new X12Envelope(delimiters, version, sq, sid, rq, rid, groupId(sid), groupId(rid),
                                    production, true),
                            new X12Envelope(delimiters, version, rq, rid, sq, sid, groupId(rid), groupId(sid),
                                    production, true));
                }).optional().orElseThrow(() -> new IllegalArgumentException("No WMS connection " + connectionId));
    }

    private static String groupId(String isaId) {
        String id = isaId.strip();
        return id.length() >= 2 ? id : (id + "  ").substring(0, 2);
    }

    /** Customer code → tenant, read in each tenant's own scope (accounts are tenant-owned). */
    private Map<String, TenantId> accounts(UUID connectionId) {
        Map<String, TenantId> accounts = new LinkedHashMap<>();
        for (var tenant : tenants.visibleTenants()) {
            transactions.read(tenant.id(), () -> jdbc.sql("""
                    SELECT customer_code FROM wms_account WHERE wms_connection_id = :connection""")
                    .param("connection", connectionId).query(String.class).optional())
                    .ifPresent(code -> accounts.put(code, tenant.id()));
        }
        return accounts;
    }

}
