package com.crossdock.portal.receiving;

import com.crossdock.tenantconfig.x12.ShipNotice856;
import com.crossdock.tenantconfig.x12.X12Exception;
import com.crossdock.tenantconfig.x12.X12Reader;
import com.crossdock.tenantconfig.x12.X12Segment;
import com.crossdock.tenantconfig.x12.X12Transaction;
import com.crossdock.tenantconfig.x12.X12Transmission;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a brand's (or its supplier's) X12 856 ship notice as inbound shipments: one per transaction, its reference the
 * BSN02 shipment id, its carrier the TD5's SCAC (or routing), its expected date the DTM*017 (estimated delivery) or
 * else DTM*011 (shipped), and per item level (HL*I) the vendor item number or SKU of its LIN with the SN1 units in
 * eaches, summed per SKU. Only the file's own shape is checked here, like {@link InboundCsv}.
 */
final class InboundAsn {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private InboundAsn() {
    }

    /** Whether the file is X12 (starts with an ISA after an optional BOM and white space), not a CSV. */
    static boolean isX12(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        return head.startsWith("ISA");
    }

    static InboundCsv.Parsed parse(byte[] content) {
        List<String> problems = new ArrayList<>();
        Map<String, InboundShipmentCommand> shipments = new LinkedHashMap<>();
        X12Transmission transmission;
        try {
            transmission = new X12Reader().read(content);
        } catch (X12Exception refused) {
            return new InboundCsv.Parsed(Map.of(), List.of("The 856 cannot be read: " + refused.getMessage()));
        }
        for (X12Transaction tx : transmission.transactions()) {
            if (!(tx.content() instanceof ShipNotice856 notice)) {
                problems.add("Transaction " + tx.controlNumber() + " is a " + tx.type() + ", not an 856 ship notice");
                continue;
            }
            String where = "856 " + notice.shipmentId();
            List<ShipNotice856.Level> top = notice.levels("S");
            List<X12Segment> shipment = top.isEmpty() ? List.of() : top.getFirst().segments();
            LocalDate expected = date(shipment, "017").or(() -> date(shipment, "011")).orElse(null);
            if (expected == null) {
                problems.add(where + ": no DTM*017 (estimated delivery) or DTM*011 (shipped) date on the shipment "
                        + "level");
            }
            String carrier = shipment.stream().filter(s -> s.tag().equals("TD5")).findFirst()
                    .map(td5 -> td5.element(3).isBlank() ? td5.element(5) : td5.element(3)).orElse("");
            Map<LotKey, Integer> units = new LinkedHashMap<>();
            for (ShipNotice856.Level item : notice.levels("I")) {
                Optional<String> problem = addUnits(units, item);
                problem.ifPresent(p -> problems.add(where + ", item level " + item.id() + ": " + p));
            }
            if (units.isEmpty()) {
                problems.add(where + ": no item level (HL*I) with units");
            }
            if (shipments.containsKey(notice.shipmentId())) {
                problems.add(where + ": the shipment id appears twice in the file");
            }
            shipments.put(notice.shipmentId(), new InboundShipmentCommand(notice.shipmentId(), carrier, expected,
                    units.entrySet().stream().map(e -> new InboundShipmentCommand.Line(e.getKey().sku(),
                            e.getValue(), e.getKey().lot(), e.getKey().expiryOn())).toList()));
        }
        if (shipments.isEmpty() && problems.isEmpty()) {
            problems.add("The file holds no 856 ship notice");
        }
        return new InboundCsv.Parsed(shipments, problems);
    }

    /** A SKU's lot on an item level: LIN's LT pair, and DTM*036 (expiration) of the level. */
    private record LotKey(String sku, @Nullable String lot, @Nullable LocalDate expiryOn) {
    }

    private static Optional<String> addUnits(Map<LotKey, Integer> units, ShipNotice856.Level item) {
        X12Segment lin = item.segments().stream().filter(s -> s.tag().equals("LIN")).findFirst().orElse(null);
        X12Segment sn1 = item.segments().stream().filter(s -> s.tag().equals("SN1")).findFirst().orElse(null);
        if (lin == null || sn1 == null) {
            return Optional.of("needs a LIN and an SN1");
        }
        String sku = itemNumber(lin);
        if (sku == null) {
            return Optional.of("the LIN names no vendor item number (VN) or SKU (SK)");
        }
        if (!sn1.element(3).isBlank() && !sn1.element(3).equals("EA")) {
            return Optional.of(sku + " is shipped in " + sn1.element(3) + "; send eaches (EA)");
        }
        try {
            int quantity = new BigDecimal(sn1.element(2)).intValueExact();
            if (quantity < 1) {
                return Optional.of(sku + " ships " + quantity + " units");
            }
            units.merge(new LotKey(sku, pair(lin, "LT"), date(item.segments(), "036").orElse(null)), quantity,
                    Integer::sum);
            return Optional.empty();
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.of(sku + " ships '" + sn1.element(2) + "' units, not a whole number");
        }
    }

    /** LIN02/03, 04/05, ... pairs: the VN, else the SK. */
    private static @Nullable String itemNumber(X12Segment lin) {
        String vendor = pair(lin, "VN");
        return vendor != null ? vendor : pair(lin, "SK");
    }

    /** The value of the LIN's first qualifier/id pair with {@code qualifier}, if any. */
    private static @Nullable String pair(X12Segment lin, String qualifier) {
        for (int i = 2; i + 1 <= 31; i += 2) {
            if (lin.element(i).equals(qualifier) && !lin.element(i + 1).isBlank()) {
                return lin.element(i + 1);
            }
        }
        return null;
    }

    private static Optional<LocalDate> date(List<X12Segment> segments, String qualifier) {
        return segments.stream().filter(s -> s.tag().equals("DTM") && s.element(1).equals(qualifier)).findFirst()
                .flatMap(dtm -> {
                    try {
                        return Optional.of(LocalDate.parse(dtm.element(2), CCYYMMDD));
                    } catch (DateTimeParseException e) {
                        return Optional.empty();
                    }
                });
    }
}
