package com.crossdock.portal.warehouse.x12;

import com.crossdock.portal.receiving.InboundReceipt;
import com.crossdock.portal.sync.InventoryPosition;
import com.crossdock.portal.sync.ShipmentNotice;
import com.crossdock.tenantconfig.x12.FunctionalAck997;
import com.crossdock.tenantconfig.x12.InventoryAdjustment947;
import com.crossdock.tenantconfig.x12.InventoryAdvice846;
import com.crossdock.tenantconfig.x12.ReceiptAdvice944;
import com.crossdock.tenantconfig.x12.ShippingAdvice945;
import com.crossdock.tenantconfig.x12.X12Content;
import com.crossdock.tenantconfig.x12.X12Group;
import com.crossdock.tenantconfig.x12.X12Interchange;
import com.crossdock.tenantconfig.x12.X12ItemId;
import com.crossdock.tenantconfig.x12.X12Party;
import com.crossdock.tenantconfig.x12.X12Reference;
import com.crossdock.tenantconfig.x12.X12Segment;
import com.crossdock.tenantconfig.x12.X12Transaction;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Maps each read transaction set to a {@link WmsInbound}. */
final class InboundMapper {

    /** N9/MAN qualifiers of a parcel's tracking or PRO number. */
    static final Set<String> TRACKING = Set.of("2I", "CN", "08");
    /** N9/MAN qualifiers of a carton, pallet or package id (SSCC-18, license plate, ...). */
    static final Set<String> CARTONS = Set.of("GM", "LV", "CA", "CP", "AA", "W");
    /** SCACs whose carrier name Shopify knows by another spelling. */
    static final Map<String, String> CARRIERS = Map.of("UPSN", "UPS", "UPSS", "UPS", "FDEG", "FedEx", "FDE",
            "FedEx", "FDEN", "FedEx", "FXFE", "FedEx", "USPS", "USPS", "DHLC", "DHL Express", "ONTC", "OnTrac");

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int WAREHOUSE_REF_MAX = 80;

    List<WmsInbound> map(X12Interchange interchange) {
        List<WmsInbound> out = new ArrayList<>();
        for (X12Group group : interchange.groups()) {
            for (X12Transaction tx : group.transactions()) {
                WmsInbound.Control control = new WmsInbound.Control(interchange.controlNumber(),
                        group.controlNumber(), group.functionalId(), tx.type(), tx.controlNumber());
                out.addAll(map(control, tx));
            }
        }
        return out;
    }

    private List<WmsInbound> map(WmsInbound.Control control, X12Transaction tx) {
        X12Content content = tx.content();
        String customer = switch (content) {
            case ShippingAdvice945 advice -> customerCode(advice.parties());
            case InventoryAdvice846 advice -> customerCode(advice.parties());
            case ReceiptAdvice944 advice -> customerCode(advice.parties());
            case InventoryAdjustment947 advice -> customerCode(advice.parties());
            default -> null;
        };
        return mapped(control, tx, content).stream().map(inbound -> inbound instanceof WmsInbound.Unusable unusable
                ? unusable.withCustomer(customer) : inbound).toList();
    }

    private List<WmsInbound> mapped(WmsInbound.Control control, X12Transaction tx, X12Content content) {
        return switch (content) {
            case ShippingAdvice945 advice -> shipped(control, advice, tx.segments());
            case InventoryAdvice846 advice -> List.of(stock(control, advice));
            case ReceiptAdvice944 advice -> List.of(received(control, advice));
            case FunctionalAck997 ack -> List.of(acknowledged(control, ack));
            case InventoryAdjustment947 adjustment -> List.of(adjusted(control, adjustment));
            default -> List.of(new WmsInbound.Unsupported(control, tx.type(), tx.controlNumber()));
        };
    }

    private static WmsInbound acknowledged(WmsInbound.Control control, FunctionalAck997 ack) {
        Map<String, Boolean> transactions = new LinkedHashMap<>();
        ack.transactions().forEach(t -> transactions.put(t.controlNumber(), t.isAccepted()));
        return new WmsInbound.Acknowledged(control, ack.groupControlNumber(), transactions);
    }

    /** One notice per carton group: lines that name the same carton ids ship together. */
    private static List<WmsInbound> shipped(WmsInbound.Control control, ShippingAdvice945 advice,
            List<X12Segment> segments) {
        String customer = customerCode(advice.parties());
        Instant shippedAt;
        try {
            shippedAt = shippedAt(advice.shipDate(), segments);
        } catch (DateTimeException e) {
            return List.of(new WmsInbound.Unusable(control, "the ship date cannot be read: " + e.getMessage()));
        }
        Map<List<String>, List<ShippingAdvice945.Line>> groups = new LinkedHashMap<>();
        for (ShippingAdvice945.Line line : advice.lines()) {
            groups.computeIfAbsent(refs(line, CARTONS), k -> new ArrayList<>()).add(line);
        }
        ShippingAdvice945.Carrier w27 = advice.carrier();
        String carrier = w27 == null || w27.scac().isEmpty() ? null : CARRIERS.getOrDefault(w27.scac(), w27.scac());
        String service = w27 == null || w27.routing().isEmpty() ? null : w27.routing();
        List<String> headerTracking = advice.references().stream().filter(r -> TRACKING.contains(r.qualifier()))
                .map(X12Reference::value).distinct().toList();
        String shipment = advice.shipmentId().isEmpty() ? advice.depositorOrderNumber() : advice.shipmentId();
        List<WmsInbound> out = new ArrayList<>();
        for (Map.Entry<List<String>, List<ShippingAdvice945.Line>> group : groups.entrySet()) {
            Map<String, Integer> units = new LinkedHashMap<>();
            for (ShippingAdvice945.Line line : group.getValue()) {
                Optional<String> problem = addUnits(units, line);
                if (problem.isPresent()) {
                    return List.of(new WmsInbound.Unusable(control, problem.get()));
                }
            }
            if (units.isEmpty()) {
                continue;
            }
            List<String> tracking = group.getValue().stream().flatMap(l -> refs(l, TRACKING).stream()).distinct()
                    .toList();
            String ref = group.getKey().isEmpty() ? shipment : shipment + "-" + String.join("+", group.getKey());
            ShipmentNotice notice = new ShipmentNotice(clip(ref), carrier, service,
                    tracking.isEmpty() ? headerTracking : tracking, shippedAt, units.entrySet().stream()
                    .map(e -> new ShipmentNotice.Line(e.getKey(), e.getValue())).toList());
            out.add(new WmsInbound.Shipped(control, customer, advice.depositorOrderNumber(), notice));
        }
        if (out.isEmpty()) {
            return List.of(new WmsInbound.Unusable(control, "the 945 for " + advice.depositorOrderNumber()
                    + " ships no units"));
        }
        return out;
    }

    /** Adds the line's shipped eaches; a problem when they are not whole eaches of a SKU the portal can name. */
    private static Optional<String> addUnits(Map<String, Integer> units, ShippingAdvice945.Line line) {
        String where = "W12 of line " + line.lineNumber();
        BigDecimal shipped = line.shipped() == null ? BigDecimal.ZERO : line.shipped();
        if (shipped.signum() == 0) {
            return Optional.empty();
        }
        if (!line.unit().isEmpty() && !line.unit().equals("EA")) {
            return Optional.of(where + " ships in unit " + line.unit() + "; the portal takes eaches (EA)");
        }
        String sku = sku(line.items());
        if (sku == null) {
            return Optional.of(where + " names its item only by a U.P.C. case code; the portal needs VN or SK");
        }
        try {
            units.merge(sku, shipped.intValueExact(), Integer::sum);
            return Optional.empty();
        } catch (ArithmeticException e) {
            return Optional.of(where + " ships " + shipped.toPlainString() + " of " + sku
                    + ", not a whole number of eaches");
        }
    }

    private static WmsInbound stock(WmsInbound.Control control, InventoryAdvice846 advice) {
        List<InventoryPosition> positions = new ArrayList<>();
        for (InventoryAdvice846.Item item : advice.items()) {
            String sku = sku(item.ids());
            if (sku == null) {
                return new WmsInbound.Unusable(control, "LIN " + item.lineId() + " has no VN or SK item id");
            }
            Optional<InventoryAdvice846.Quantity> onHand = item.quantity(InventoryAdvice846.ON_HAND);
            Optional<InventoryAdvice846.Quantity> available = item.quantity(InventoryAdvice846.AVAILABLE);
            if (onHand.isEmpty() && available.isEmpty()) {
                return new WmsInbound.Unusable(control, sku + " has neither QTY*17 (on hand) nor QTY*33 (available)");
            }
            BigDecimal hand = onHand.orElseGet(available::orElseThrow).quantity();
            BigDecimal free = available.map(InventoryAdvice846.Quantity::quantity).orElseGet(() -> hand.subtract(
                    item.quantity("QH").map(InventoryAdvice846.Quantity::quantity).orElse(BigDecimal.ZERO)));
            Optional<String> unit = Stream.concat(onHand.stream(), available.stream())
                    .map(InventoryAdvice846.Quantity::unit).filter(u -> !u.isEmpty() && !u.equals("EA")).findFirst();
            if (unit.isPresent()) {
                return new WmsInbound.Unusable(control, sku + " is counted in " + unit.get() + ", not eaches (EA)");
            }
            if (hand.signum() < 0 || free.signum() < 0) {
                // a count below zero cannot be told from a mistake: the whole advice waits, nothing of it applied
                return new WmsInbound.Unusable(control, sku + " is counted below zero: " + hand.toPlainString()
                        + " on hand, " + free.toPlainString() + " available");
            }
            try {
                positions.add(new InventoryPosition(sku, hand.intValueExact(), free.intValueExact()));
            } catch (ArithmeticException e) {
                return new WmsInbound.Unusable(control, sku + " has quantities that are not whole eaches: "
                        + hand.toPlainString() + " on hand, " + free.toPlainString() + " available");
            }
        }
        return new WmsInbound.Stock(control, customerCode(advice.parties()), positions);
    }

    /** W19-01 reasons a person reads (ASC X12 element 1271); others show as their code. */
    static final Map<String, String> ADJUSTMENT_REASONS = Map.ofEntries(Map.entry("01", "Damaged"),
            Map.entry("02", "Expired"), Map.entry("03", "Quality hold"), Map.entry("04", "Customer return"),
            Map.entry("05", "Receipt correction"), Map.entry("06", "Shipment correction"),
            Map.entry("07", "Lost"), Map.entry("08", "Stolen"), Map.entry("09", "Obsolete"),
            Map.entry("52", "Physical count"), Map.entry("55", "Found"), Map.entry("AA", "Physical count"),
            Map.entry("AB", "Damaged in warehouse"), Map.entry("AD", "Status change"));

    /** A 947 in whole eaches; a line that changes nothing is a problem, as it cannot be told from a mistake. */
    private static WmsInbound adjusted(WmsInbound.Control control, InventoryAdjustment947 advice) {
        if (advice.lines().isEmpty()) {
            return new WmsInbound.Unusable(control, "the 947 " + advice.adjustmentNumber() + " has no W19 line");
        }
        List<WmsInbound.Adjustment> lines = new ArrayList<>();
        for (InventoryAdjustment947.Line line : advice.lines()) {
            String where = "W19 line " + (lines.size() + 1);
            String sku = sku(line.items());
            if (sku == null) {
                return new WmsInbound.Unusable(control, where + " has no VN or SK item id");
            }
            if (!line.unit().isEmpty() && !line.unit().equals("EA")) {
                return new WmsInbound.Unusable(control, where + " adjusts " + sku + " in unit " + line.unit()
                        + "; the portal takes eaches (EA)");
            }
            int quantity;
            try {
                quantity = line.quantity().intValueExact();
            } catch (ArithmeticException e) {
                return new WmsInbound.Unusable(control, where + " adjusts " + sku + " by "
                        + line.quantity().toPlainString() + ", not a whole number of eaches");
            }
            if (quantity == 0) {
                return new WmsInbound.Unusable(control, where + " adjusts " + sku + " by zero units");
            }
            lines.add(new WmsInbound.Adjustment(sku, quantity, line.reasonCode(),
                    ADJUSTMENT_REASONS.getOrDefault(line.reasonCode(), "Reason " + line.reasonCode())));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(advice.date(), CCYYMMDD);
        } catch (DateTimeException e) {
            return new WmsInbound.Unusable(control, "W15-01 date " + advice.date() + " cannot be read");
        }
        return new WmsInbound.Adjusted(control, customerCode(advice.parties()), advice.adjustmentNumber(), date,
                lines);
    }

    /** W13 receiving conditions that mean damaged units. */
    static final Set<String> DAMAGED = Set.of("01", "DM");

    /**
     * A 944 as a receipt per SKU and lot (W07-08, with the expiry of {@link WmsDocuments#expiryOf}) in whole eaches;
     * over and short are the portal's to work out, not the W13s'.
     */
    private static WmsInbound received(WmsInbound.Control control, ReceiptAdvice944 advice) {
        if (advice.depositorOrderNumber().isBlank()) {
            return new WmsInbound.Unusable(control, "W17-04 names no shipment (depositor order number)");
        }
        record Lot(String sku, String lot, java.time.@Nullable LocalDate expiryOn) {
        }
        Map<Lot, int[]> units = new LinkedHashMap<>();
        for (ReceiptAdvice944.Line line : advice.lines()) {
            String sku = sku(line.items());
            if (sku == null) {
                return new WmsInbound.Unusable(control, "a W07 has no VN or SK item id");
            }
            if (!line.unit().isEmpty() && !line.unit().equals("EA")) {
                return new WmsInbound.Unusable(control, "W07 of " + sku + " receives in unit " + line.unit()
                        + "; the portal takes eaches (EA)");
            }
            BigDecimal damaged = line.exceptions().stream().filter(e -> DAMAGED.contains(e.condition()))
                    .map(ReceiptAdvice944.Discrepancy::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            try {
                int[] sum = units.computeIfAbsent(new Lot(sku, line.lot(),
                        WmsDocuments.expiryOf(line.references()).orElse(null)), k -> new int[2]);
                sum[0] += line.received().intValueExact();
                sum[1] += damaged.intValueExact();
            } catch (ArithmeticException e) {
                return new WmsInbound.Unusable(control, sku + " is received in quantities that are not whole "
                        + "eaches: " + line.received().toPlainString() + " received, " + damaged.toPlainString()
                        + " damaged");
            }
        }
        List<InboundReceipt.Line> lines = new ArrayList<>();
        for (Map.Entry<Lot, int[]> entry : units.entrySet()) {
            Lot lot = entry.getKey();
            if (entry.getValue()[1] > entry.getValue()[0]) {
                return new WmsInbound.Unusable(control, lot.sku() + (lot.lot().isEmpty() ? "" : " lot " + lot.lot())
                        + " has more units damaged (" + entry.getValue()[1] + ") than received ("
                        + entry.getValue()[0] + ")");
            }
            lines.add(new InboundReceipt.Line(lot.sku(), lot.lot(), lot.expiryOn(), entry.getValue()[0],
                    entry.getValue()[1]));
        }
        String key = advice.warehouseReceiptNumber().isBlank()
                ? control.interchange() + "/" + control.group() + "/" + control.transaction()
                : "944:" + advice.warehouseReceiptNumber();
        return new WmsInbound.Received(control, customerCode(advice.parties()), advice.depositorOrderNumber(),
                new InboundReceipt(key, advice.reportingCode().equals("F"), lines));
    }

    /** The master SKU: the vendor's item number (VN) the portal sends in its 940s, else the SKU (SK). */
    static @Nullable String sku(List<X12ItemId> ids) {
        for (String qualifier : List.of("VN", "SK")) {
            for (X12ItemId id : ids) {
                if (id.qualifier().equals(qualifier)) {
                    return id.value();
                }
            }
        }
        return null;
    }

    static @Nullable String customerCode(List<X12Party> parties) {
        return parties.stream().filter(p -> p.entityCode().equals("DE")).findFirst()
                .map(p -> p.id().isEmpty() ? p.name() : p.id()).filter(c -> !c.isEmpty()).orElse(null);
    }

    /** W06-03 at the time of a G62*11 (shipped on) when sent, else at midnight; the WMS's clock is taken as UTC. */
    private static Instant shippedAt(String shipDate, List<X12Segment> segments) {
        LocalDate date = LocalDate.parse(shipDate, CCYYMMDD);
        LocalTime time = LocalTime.MIDNIGHT;
        for (X12Segment s : segments) {
            if (s.tag().equals("G62") && s.element(1).equals("11") && s.element(2).equals(shipDate)
                    && s.element(4).matches("\\d{4}")) {
                time = LocalTime.of(Integer.parseInt(s.element(4).substring(0, 2)),
                        Integer.parseInt(s.element(4).substring(2)));
            }
        }
        return date.atTime(time).toInstant(ZoneOffset.UTC);
    }

    private static List<String> refs(ShippingAdvice945.Line line, Set<String> qualifiers) {
        return Stream.concat(line.marks().stream(), line.references().stream())
                .filter(r -> qualifiers.contains(r.qualifier())).map(X12Reference::value).distinct().toList();
    }

    private static String clip(String ref) {
        return ref.length() <= WAREHOUSE_REF_MAX ? ref : ref.substring(0, WAREHOUSE_REF_MAX);
    }
}
