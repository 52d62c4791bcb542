package com.crossdock.portal.warehouse.sandbox;

import com.crossdock.portal.warehouse.x12.WmsDocuments;
import com.crossdock.portal.warehouse.x12.WmsRefusal;
import com.crossdock.tenantconfig.x12.FunctionalAck997;
import com.crossdock.tenantconfig.x12.InterchangeAck;
import com.crossdock.tenantconfig.x12.InventoryAdvice846;
import com.crossdock.tenantconfig.x12.ReceiptAdvice944;
import com.crossdock.tenantconfig.x12.ShippingAdvice945;
import com.crossdock.tenantconfig.x12.ShippingOrder940;
import com.crossdock.tenantconfig.x12.StockTransfer943;
import com.crossdock.tenantconfig.x12.X12ControlNumbers;
import com.crossdock.tenantconfig.x12.X12Envelope;
import com.crossdock.tenantconfig.x12.X12Exception;
import com.crossdock.tenantconfig.x12.X12Group;
import com.crossdock.tenantconfig.x12.X12Interchange;
import com.crossdock.tenantconfig.x12.X12ItemId;
import com.crossdock.tenantconfig.x12.X12Party;
import com.crossdock.tenantconfig.x12.X12Reader;
import com.crossdock.tenantconfig.x12.X12Reference;
import com.crossdock.tenantconfig.x12.X12Transaction;
import com.crossdock.tenantconfig.x12.X12Writer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The warehouse of sandbox mode, working on a folder: it reads the 940s and 943s the portal dropped, answers every
 * functional group with a 997, every new order with a 945 and every announced inbound shipment with a 944, and can
 * post an 846 stock snapshot. It <em>is</em> the WMS; the
 * SFTP server that exposes the folder is not its business.
 *
 * <p>Its control numbers live in memory: one counter, seeded from the clock's epoch seconds, gives each interchange
 * it writes its ISA13 and GS06 (transactions count from 1) and each 945 its shipment id {@code SIM<n>}. A restart
 * seeds again from the clock, so numbers keep rising as long as fewer than one interchange a second is written
 * across restarts, which is plenty for a sandbox.
 *
 * <p>Files are written under a temporary name starting with a dot and then renamed, so a reader of
 * {@code fromWms} never sees half a file; processed inputs move to {@code done}, inputs it refuses wholly to
 * {@code done/rejected}.
 */
public final class WmsSimulator {

    /** How the simulated warehouse ships a new order. */
    public enum Behaviour {
        /** Every unit in one carton with one tracking number. */
        SHIP_COMPLETE,
        /** Two cartons, each with its own tracking number, when the order has two lines or more. */
        SPLIT_CARTONS,
        /** One carton, one unit short on the first line (W12 status PR). */
        SHORT_SHIP
    }

    /** How the simulated warehouse receives an inbound shipment announced with a 943. */
    public enum Receiving {
        /** Every unit arrives in good order (a final 944 with the announced quantities). */
        RECEIVE_ALL,
        /**
         * A final 944 one unit short on the first line, and one unit damaged (W13 condition 01) on the last line
         * (on the first too when there is only one).
         */
        SHORT_AND_DAMAGED
    }

    /**
     * What one run did.
     *
     * @param processed inputs answered and moved to {@code done}
     * @param rejected  inputs refused as a whole and moved to {@code done/rejected}
     * @param written   the files written to {@code fromWms}, in order
     */
    public record Result(List<Path> processed, List<Path> rejected, List<Path> written) {

        public Result {
            processed = List.copyOf(processed);
            rejected = List.copyOf(rejected);
            written = List.copyOf(written);
        }
    }

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String SHIPPER = "SBXWMS";

    private final X12Envelope envelope;
    private final Clock clock;
    private final AtomicLong counter;
    private final X12Reader reader = new X12Reader();
    private final WmsDocuments documents = new WmsDocuments();

    /**
     * A simulator writing with {@code envelope} (sender: the warehouse, receiver: the portal).
     *
     * @param clock the time of every document, and the seed of the control numbers
     */
    public WmsSimulator(X12Envelope envelope, Clock clock) {
        this.envelope = envelope;
        this.clock = clock;
        this.counter = new AtomicLong(clock.instant().getEpochSecond() % 900_000_000L);
    }

    /**
     * Answers every {@code *.edi} and {@code *.x12} file in {@code toWms} (names starting with a dot skipped),
     * receiving every announced inbound shipment in full.
     */
    public Result process(Path toWms, Path fromWms, Behaviour behaviour) throws IOException {
        return process(toWms, fromWms, behaviour, Receiving.RECEIVE_ALL);
    }

    /**
     * Answers every {@code *.edi} and {@code *.x12} file in {@code toWms} (names starting with a dot skipped): new
     * orders are shipped as {@code behaviour} says, announced inbound shipments received as {@code receiving} says.
     */
    public Result process(Path toWms, Path fromWms, Behaviour behaviour, Receiving receiving) throws IOException {
        return process(toWms, fromWms, behaviour, receiving, java.time.Duration.ZERO);
    }

    /**
     * As {@link #process(Path, Path, Behaviour, Receiving)}, but a warehouse that takes its time: a file is answered
     * only once it has waited {@code holdFor} in {@code toWms} (by its modification time).
     */
    public Result process(Path toWms, Path fromWms, Behaviour behaviour, Receiving receiving,
            java.time.Duration holdFor) throws IOException {
        Files.createDirectories(fromWms);
        Path done = Files.createDirectories(toWms.resolve("done"));
        Path refusedDir = Files.createDirectories(done.resolve("rejected"));
        List<Path> processed = new ArrayList<>();
        List<Path> rejected = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        java.time.Instant due = clock.instant().minus(holdFor);
        for (Path file : inputs(toWms)) {
            if (!holdFor.isZero() && Files.getLastModifiedTime(file).toInstant().isAfter(due)) {
                continue;
            }
            byte[] raw = Files.readAllBytes(file);
            boolean accepted;
            try {
                accepted = answer(reader.read(raw).interchanges(), fromWms, behaviour, receiving, written);
            } catch (X12Exception refused) {
                refuse(raw, refused, fromWms, written);
                accepted = false;
            }
            (accepted ? processed : rejected).add(move(file, accepted ? done : refusedDir));
        }
        return new Result(processed, rejected, written);
    }

    /** Writes an 846 with on hand (QTY*17) and available (QTY*33) per SKU, sorted by SKU; returns the file. */
    public Path writeStockSnapshot(Path fromWms, String customerCode, Map<String, int[]> onHandAvailable)
            throws IOException {
        List<InventoryAdvice846.Item> items = new ArrayList<>();
        for (Map.Entry<String, int[]> e : new TreeMap<>(onHandAvailable).entrySet()) {
            if (e.getValue().length != 2) {
                throw new IllegalArgumentException("Stock of " + e.getKey() + " is {onHand, available}, not "
                        + e.getValue().length + " numbers");
            }
            items.add(new InventoryAdvice846.Item(Integer.toString(items.size() + 1), List.of(new X12ItemId("VN",
                    e.getKey())), List.of(quantity(InventoryAdvice846.ON_HAND, e.getValue()[0]),
                    quantity(InventoryAdvice846.AVAILABLE, e.getValue()[1]))));
        }
        long n = next();
        LocalDateTime now = now();
        InventoryAdvice846 advice = new InventoryAdvice846("00", "DD", "SNAP" + n, now.format(CCYYMMDD),
                List.of(X12Party.named("DE", customerCode, "91", customerCode)), items);
        Files.createDirectories(fromWms);
        return write(fromWms, "846-" + customerCode + "-" + n + ".x12",
                new X12Writer(envelope).write(advice, new X12ControlNumbers(n, n, 1), now));
    }

    /** A broken file a warehouse might send, on demand, to see the portal quarantine and answer it. */
    public enum Malformation {
        /** SE01 counts one segment more than the transaction has. */
        WRONG_SEGMENT_COUNT,
        /** IEA02 does not repeat ISA13. */
        MISMATCHED_CONTROL_NUMBERS,
        /** The segments run together without their terminators after the ISA. */
        MISSING_SEGMENT_TERMINATORS,
        /** An 846 whose quantity is half a unit: readable X12 the portal cannot use as stock. */
        FRACTIONAL_QUANTITY
    }

    /** Writes a malformed stock report (an 846 for one SKU, broken as {@code kind} says); returns the file. */
    public Path writeMalformed(Path fromWms, String customerCode, String sku, Malformation kind) throws IOException {
        long n = next();
        LocalDateTime now = now();
        InventoryAdvice846 advice = new InventoryAdvice846("00", "DD", "BAD" + n, now.format(CCYYMMDD),
                List.of(X12Party.named("DE", customerCode, "91", customerCode)), List.of(new InventoryAdvice846.Item(
                        "1", List.of(new X12ItemId("VN", sku)), List.of(quantity(InventoryAdvice846.ON_HAND, 5),
                        quantity(InventoryAdvice846.AVAILABLE, 4)))));
        String text = new String(new X12Writer(envelope).write(advice, new X12ControlNumbers(n, n, 1), now),
                StandardCharsets.UTF_8);
        char element = envelope.delimiters().element();
        char segment = envelope.delimiters().segment();
        String broken = switch (kind) {
            case WRONG_SEGMENT_COUNT -> text.replaceFirst("(SE\\" + element + ")(\\d+)", "$1" + 99);
            case MISMATCHED_CONTROL_NUMBERS -> text.replaceFirst("(IEA\\" + element + "1\\" + element + ")\\d{9}",
                    "$1" + "%09d".formatted((n + 1) % 1_000_000_000L));
            case MISSING_SEGMENT_TERMINATORS -> text.substring(0, 106) + text.substring(106)
                    .replace(String.valueOf(segment), "").replace("\n", "");
            case FRACTIONAL_QUANTITY -> text.replace("QTY" + element + "17" + element + "5", "QTY" + element + "17"
                    + element + "4.5");
        };
        Files.createDirectories(fromWms);
        return write(fromWms, "846-" + customerCode + "-malformed-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n
                + ".x12",
                broken.getBytes(StandardCharsets.UTF_8));
    }

    private static InventoryAdvice846.Quantity quantity(String qualifier, int value) {
        return new InventoryAdvice846.Quantity(qualifier, BigDecimal.valueOf(value), "EA");
    }

    /** A 997 per group, a 945 per accepted new order, a 944 per 943; true when any transaction was accepted. */
    private boolean answer(List<X12Interchange> interchanges, Path fromWms, Behaviour behaviour, Receiving receiving,
            List<Path> written) throws IOException {
        boolean accepted = false;
        for (X12Interchange interchange : interchanges) {
            for (X12Group group : interchange.groups()) {
                Map<String, List<FunctionalAck997.SegmentError>> rejected = new LinkedHashMap<>();
                List<ShippingOrder940> toShip = new ArrayList<>();
                List<StockTransfer943> toReceive = new ArrayList<>();
                for (X12Transaction tx : group.transactions()) {
                    if (tx.content() instanceof StockTransfer943 transfer) {
                        if (transfer.lines().isEmpty()) {
                            rejected.put(tx.controlNumber(), List.of(new FunctionalAck997.SegmentError("W04", 0, "",
                                    "3", List.of())));
                        } else {
                            toReceive.add(transfer);
                        }
                    } else if (!(tx.content() instanceof ShippingOrder940 order)) {
                        rejected.put(tx.controlNumber(), List.of());
                    } else if (order.purpose() == ShippingOrder940.Purpose.NEW
                            && (order.lines().isEmpty() || order.shipTo() == null)) {
                        rejected.put(tx.controlNumber(), List.of(new FunctionalAck997.SegmentError(
                                order.lines().isEmpty() ? "W01" : "N1", 0, "", "3", List.of())));
                    } else if (order.purpose() == ShippingOrder940.Purpose.NEW) {
                        toShip.add(order);
                    }
                }
                FunctionalAck997 ack = documents.acknowledgment(group, rejected);
                accepted |= ack.accepted() > 0;
                long n = next();
                written.add(write(fromWms, "997-" + group.controlNumber() + "-" + n + ".x12",
                        new X12Writer(envelope).write(ack, new X12ControlNumbers(n, n, 1), now())));
                for (ShippingOrder940 order : toShip) {
                    long s = next();
                    written.add(write(fromWms, "945-" + order.depositorOrderNumber() + "-" + s + ".x12",
                            new X12Writer(envelope).write(ship(order, behaviour, s), new X12ControlNumbers(s, s, 1),
                                    now())));
                }
                for (StockTransfer943 transfer : toReceive) {
                    long r = next();
                    written.add(write(fromWms, "944-" + transfer.depositorOrderNumber() + "-" + r + ".x12",
                            new X12Writer(envelope).write(receive(transfer, receiving, r),
                                    new X12ControlNumbers(r, r, 1), now())));
                }
            }
        }
        return accepted;
    }

    private void refuse(byte[] raw, X12Exception refused, Path fromWms, List<Path> written) throws IOException {
        WmsRefusal answer = documents.refusal(raw, refused);
        for (FunctionalAck997 ack : answer.acknowledgments()) {
            long n = next();
            written.add(write(fromWms, "997-" + ack.groupControlNumber() + "-" + n + ".x12",
                    new X12Writer(envelope).write(ack, new X12ControlNumbers(n, n, 1), now())));
        }
        InterchangeAck ta1 = answer.interchangeAck();
        if (ta1 != null) {
            long n = next();
            written.add(write(fromWms, "ta1-" + ta1.controlNumber() + "-" + n + ".x12",
                    new X12Writer(envelope).writeTa1(ta1, n, now())));
        }
    }

    /** The 945 for {@code order}: cartons, tracking numbers and shipped quantities as {@code behaviour} says. */
    private ShippingAdvice945 ship(ShippingOrder940 order, Behaviour behaviour, long n) {
        int lineCount = order.lines().size();
        boolean split = behaviour == Behaviour.SPLIT_CARTONS && lineCount >= 2;
        List<ShippingAdvice945.Line> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            ShippingOrder940.Line line = order.lines().get(i);
            int carton = split && i >= (lineCount + 1) / 2 ? 2 : 1;
            boolean short1 = behaviour == Behaviour.SHORT_SHIP && i == 0;
            BigDecimal shipped = short1 ? line.quantity().subtract(BigDecimal.ONE).max(BigDecimal.ZERO)
                    : line.quantity();
            BigDecimal difference = line.quantity().subtract(shipped);
            List<X12ItemId> item = line.items().stream().filter(id -> !id.qualifier().equals("UA")).limit(1)
                    .toList();
            lines.add(new ShippingAdvice945.Line(line.lineNumber() > 0 ? line.lineNumber() : i + 1,
                    difference.signum() == 0 ? "CC" : "PR", line.quantity(), shipped,
                    difference.signum() == 0 ? null : difference, line.unit(), item.isEmpty() ? line.items() : item,
                    "", List.of(X12Reference.of("2I", upsTracking(n, carton))),
                    List.of(X12Reference.of("GM", "CTN" + carton))));
        }
        List<X12Party> parties = new ArrayList<>();
        if (order.shipTo() != null) {
            parties.add(order.shipTo());
        }
        order.otherParties().stream().filter(p -> p.entityCode().equals("DE")).forEach(parties::add);
        String routing = order.shipMethod() == null || order.shipMethod().routing().isEmpty() ? "GROUND"
                : order.shipMethod().routing();
        return new ShippingAdvice945("F", order.depositorOrderNumber(), now().format(CCYYMMDD), "SIM" + n,
                order.purchaseOrderNumber(), parties, List.of(), new ShippingAdvice945.Carrier("U", "UPSN", routing),
                lines);
    }

    /** The final 944 for {@code transfer}: every line received, or one short and one unit damaged. */
    private ReceiptAdvice944 receive(StockTransfer943 transfer, Receiving receiving, long n) {
        int count = transfer.lines().size();
        boolean faulty = receiving == Receiving.SHORT_AND_DAMAGED;
        List<ReceiptAdvice944.Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StockTransfer943.Line line = transfer.lines().get(i);
            BigDecimal received = faulty && i == 0 ? line.quantity().subtract(BigDecimal.ONE).max(BigDecimal.ZERO)
                    : line.quantity();
            boolean damaged = faulty && i == count - 1 && received.signum() > 0;
            List<X12ItemId> item = line.items().stream().filter(id -> !id.qualifier().equals("UA")).limit(1)
                    .toList();
            // the warehouse records the lot and expiry it was told of
            lines.add(new ReceiptAdvice944.Line(received, line.unit(), item.isEmpty() ? line.items() : item,
                    line.lot(), damaged ? List.of(new ReceiptAdvice944.Discrepancy(BigDecimal.ONE, line.unit(), "01"))
                            : List.of(), line.references()));
        }
        List<X12Party> parties = transfer.parties().stream().filter(p -> p.entityCode().equals("DE")).toList();
        return new ReceiptAdvice944("F", now().format(CCYYMMDD), "RCV" + n, transfer.depositorOrderNumber(),
                transfer.shipmentId(), parties, List.of(), lines);
    }

    /** 1Z, shipper, service 03 (ground), seven digits of shipment and carton, and the UPS check digit. */
    static String upsTracking(long shipment, int carton) {
        String body = SHIPPER + "03" + String.format("%07d", (shipment * 10 + carton) % 10_000_000L);
        return "1Z" + body + upsCheckDigit(body);
    }

    /** The UPS check digit of the 15 characters after {@code 1Z}: letters as (A=2, B=3, ...) mod 10. */
    static int upsCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : (c - 'A' + 2) % 10;
            sum += i % 2 == 1 ? value * 2 : value;
        }
        return (10 - sum % 10) % 10;
    }

    private long next() {
        return counter.updateAndGet(n -> n >= 999_999_999L ? 1 : n + 1);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withSecond(0).withNano(0);
    }

    private static List<Path> inputs(Path toWms) throws IOException {
        try (Stream<Path> files = Files.list(toWms)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                return !name.startsWith(".") && (lower.endsWith(".edi") || lower.endsWith(".x12"));
            }).sorted().toList();
        }
    }

    private static Path write(Path folder, String name, byte[] content) throws IOException {
        Path temp = folder.resolve("." + name + ".tmp");
        Files.write(temp, content);
        return Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private Path move(Path file, Path folder) throws IOException {
        Path target = folder.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = folder.resolve(file.getFileName() + "." + next());
        }
        return Files.move(file, target);
    }
}
