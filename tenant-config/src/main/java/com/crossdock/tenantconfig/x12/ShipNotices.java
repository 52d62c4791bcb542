package com.crossdock.tenantconfig.x12;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The 856 ship notice a brand sends its retail partner for one order, in the pick-and-pack hierarchy retailers ask
 * for: shipment (S) → order (O) → pack (P, one per carton) → item (I). The shipment level carries the carton count
 * (TD1), the carrier (TD5), the bill of lading or shipment id (REF*BM), the ship date (DTM*011) and the ship-from and
 * ship-to parties; the order level the PO (PRF); each pack its SSCC-18 (MAN*GM) when the carton has one, and its
 * tracking number (MAN*CP); each item the vendor's item number and U.P.C. (LIN) and the units shipped (SN1).
 */
public final class ShipNotices {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private ShipNotices() {
    }

    /**
     * What was shipped for one order.
     *
     * @param shipmentId    BSN02 and REF*BM: the brand's shipment (or bill of lading) number
     * @param shippedAt     when the last carton left
     * @param scac          the carrier's SCAC, or empty
     * @param service       the carrier's service (TD505 routing), or empty
     * @param purchaseOrder the partner's PO number (PRF01)
     * @param shipFrom      N1*SF
     * @param shipTo        N1*ST
     * @param cartons       at least one
     */
    public record Shipment(String shipmentId, LocalDateTime shippedAt, String scac, String service,
            String purchaseOrder, X12Party shipFrom, X12Party shipTo, List<Carton> cartons) {

        public Shipment {
            cartons = List.copyOf(cartons);
        }
    }

    /**
     * One carton.
     *
     * @param sscc     its SSCC-18 (18 digits, optionally after the application identifier 00), or null when the
     *                 warehouse named it otherwise
     * @param tracking the parcel's tracking number, or empty
     * @param items    at least one
     */
    public record Carton(@Nullable String sscc, String tracking, List<Item> items) {

        public Carton {
            items = List.copyOf(items);
        }
    }

    /**
     * Units of one item in a carton.
     *
     * @param sku      the vendor's item number (LIN*VN)
     * @param upc      its 12-digit U.P.C. (LIN*UP), or null
     * @param quantity units, at least 1
     */
    public record Item(String sku, @Nullable String upc, int quantity) {
    }

    /**
     * The 856 for {@code shipment}.
     *
     * @throws IllegalArgumentException naming what is missing (no carton, an empty carton, a PO, a bad SSCC)
     */
    public static ShipNotice856 of(Shipment shipment) {
        require(!shipment.cartons().isEmpty(), "An 856 needs at least one carton; nothing was shipped yet");
        require(!shipment.purchaseOrder().isBlank(), "An 856 needs the partner's PO number");
        int next = 1;
        List<ShipNotice856.Level> levels = new ArrayList<>();
        String shipmentLevel = Integer.toString(next++);
        List<X12Segment> top = new ArrayList<>();
        top.add(seg("TD1", "CTN25", Integer.toString(shipment.cartons().size())));
        if (!shipment.scac().isBlank()) {
            top.add(seg("TD5", "B", "2", shipment.scac(), "", shipment.service()));
        }
        top.add(seg("REF", "BM", shipment.shipmentId()));
        top.add(seg("DTM", "011", shipment.shippedAt().format(CCYYMMDD), shipment.shippedAt().format(HHMM)));
        party(top, shipment.shipFrom());
        party(top, shipment.shipTo());
        levels.add(new ShipNotice856.Level(shipmentLevel, "", "S", top));
        String orderLevel = Integer.toString(next++);
        levels.add(new ShipNotice856.Level(orderLevel, shipmentLevel, "O",
                List.of(seg("PRF", shipment.purchaseOrder()))));
        for (Carton carton : shipment.cartons()) {
            require(!carton.items().isEmpty(), "A carton of an 856 holds at least one item");
            String sscc = carton.sscc();
            require(sscc == null || sscc.matches("(00)?\\d{18}"), "An SSCC has 18 digits (after AI 00): '" + sscc
                    + "'");
            String packLevel = Integer.toString(next++);
            List<X12Segment> pack = new ArrayList<>();
            if (sscc != null) {
                pack.add(seg("MAN", "GM", sscc));
            }
            if (!carton.tracking().isBlank()) {
                pack.add(seg("MAN", "CP", carton.tracking()));
            }
            levels.add(new ShipNotice856.Level(packLevel, orderLevel, "P", pack));
            for (Item item : carton.items()) {
                require(item.quantity() > 0, "An item of an 856 ships at least one unit: " + item.sku());
                List<String> lin = new ArrayList<>(List.of("", "VN", item.sku()));
                String upc = item.upc();
                if (upc != null && upc.matches("\\d{12}")) {
                    lin.addAll(List.of("UP", upc));
                }
                levels.add(new ShipNotice856.Level(Integer.toString(next++), packLevel, "I", List.of(
                        seg("LIN", lin.toArray(String[]::new)),
                        seg("SN1", "", Integer.toString(item.quantity()), "EA"))));
            }
        }
        return new ShipNotice856("00", shipment.shipmentId(), shipment.shippedAt().format(CCYYMMDD),
                shipment.shippedAt().format(HHMM), levels);
    }

    private static void party(List<X12Segment> out, X12Party p) {
        OutboundSegments.party(out, p);
    }

    private static X12Segment seg(String tag, String... elements) {
        return OutboundSegments.seg(tag, elements);
    }

    private static void require(boolean condition, String message) {
        OutboundSegments.require(condition, message);
    }
}
