package com.crossdock.tenantconfig.truth;

/**
 * What Crossdock enforces for each kind of data under a given owner, one short line each: what the Setup view shows
 * beside the owner, so people see the consequence of their choice. The sync engine, the catalog and the returns
 * bench decide with {@link OwnershipCheck}; these lines describe those decisions.
 */
public final class Enforcement {

    private Enforcement() {
    }

    /** The consequence of {@code owner} owning {@code dataType}. */
    public static String line(DataType dataType, SystemKind owner) {
        String conflicts = "ownership conflicts for " + owner.label() + " (" + owner.party() + ")";
        return switch (dataType) {
            case AVAILABLE_INVENTORY -> owner == SystemKind.WMS
                    ? "The warehouse's stock reports are applied and pushed to the stores."
                    : "The warehouse's stock reports become " + conflicts + "; nothing is pushed to the stores.";
            case ON_HAND_BY_STATUS -> "Recorded from the warehouse's reports only; not checked further.";
            case ORDER_STATUS -> owner == SystemKind.CHANNEL
                    ? "Cancellations from the stores are applied; the warehouse is asked to stop the order."
                    : "Cancellations from the stores become " + conflicts + "; the order is not changed.";
            case SHIPMENT_TRACKING -> owner == SystemKind.WMS
                    ? "The warehouse's shipments are recorded and their tracking written back to the stores."
                    : "The warehouse's shipments become " + conflicts + "; no tracking is written back.";
            case SHIPPING_LABELS -> "Not checked: Crossdock neither buys nor prints labels.";
            case HOLDS -> owner == SystemKind.PORTAL
                    ? "Crossdock's hold rules (incomplete address, unmapped ship method) hold orders."
                    : "Crossdock's hold rules hold nothing; only SKUs it cannot map stop an order.";
            case BUNDLE_DEFINITION -> owner == SystemKind.PORTAL
                    ? "Bundles are edited in Crossdock (Bundles, workbook import)."
                    : "Bundle edits and imports in Crossdock are refused; " + owner.label() + " defines them.";
            case MASTER_SKU_DATA -> switch (owner) {
                case PORTAL -> "Items are edited in Crossdock, by workbook import and through the API.";
                case ERP -> "Only the brand ERP's API client writes items; edits and imports in Crossdock are refused.";
                default -> "Item edits, imports and API writes are refused, and our FBA prep is not sent to Amazon.";
            };
            case RETURNS_DISPOSITION -> switch (owner) {
                case PORTAL -> "People at Crossdock's returns bench decide each unit, not the API.";
                case WMS -> "The 3PL's people decide each unit at the returns bench; the brand's do not.";
                case ERP -> "The ERP decides each unit through the API; the bench only receives and inspects.";
                case CHANNEL -> "A sales channel cannot decide dispositions; choose another owner.";
            };
        };
    }
}
