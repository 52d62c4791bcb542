package com.crossdock.tenantconfig.truth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source-of-truth rules as data: the owner each kind of data starts with, and every owner that is refused with
 * its reason. Anything not refused here is allowed.
 */
public final class OwnershipRules {

    /** The owners of a new tenant (and of each demo tenant): the warehouse counts, the store sells, Crossdock maps. */
    public static final Map<DataType, SystemKind> DEFAULTS = defaults();

    /** Every refused combination, with its reason. */
    public static final List<OwnershipRule> REFUSED = List.of(
            new OwnershipRule(DataType.AVAILABLE_INVENTORY, SystemKind.PORTAL, "Crossdock works out sellable units "
                    + "from the owner's numbers; it does not count stock, so it cannot own available inventory."),
            new OwnershipRule(DataType.ON_HAND_BY_STATUS, SystemKind.CHANNEL, "A sales channel only knows sellable "
                    + "units, not units on hold, damaged or in quarantine; only the warehouse can own on-hand by status."),
            new OwnershipRule(DataType.ON_HAND_BY_STATUS, SystemKind.ERP, "The brand's ERP does not see the "
                    + "warehouse's bins and inspection statuses; only the warehouse can own on-hand by status."),
            new OwnershipRule(DataType.ON_HAND_BY_STATUS, SystemKind.PORTAL, "Crossdock records what the warehouse "
                    + "reports; it does not count stock, so it cannot own on-hand by status."),
            new OwnershipRule(DataType.ORDER_STATUS, SystemKind.WMS, "The warehouse only sees released orders; it "
                    + "cannot own the status of orders it never received (unpaid, held or cancelled before release)."),
            new OwnershipRule(DataType.SHIPMENT_TRACKING, SystemKind.CHANNEL, "The store learns tracking from the "
                    + "warehouse's ship confirmation; it cannot own shipments it did not pack."),
            new OwnershipRule(DataType.SHIPMENT_TRACKING, SystemKind.ERP, "The brand's ERP learns tracking from the "
                    + "warehouse's ship confirmation; it cannot own shipments it did not pack."),
            new OwnershipRule(DataType.SHIPPING_LABELS, SystemKind.ERP, "Labels are printed where parcels are "
                    + "packed; the brand's ERP cannot buy or print them for the warehouse."),
            new OwnershipRule(DataType.BUNDLE_DEFINITION, SystemKind.WMS, "The warehouse builds kits but does not "
                    + "decide what a bundle the brand sells holds; pick Crossdock, the store or the brand's ERP."),
            new OwnershipRule(DataType.MASTER_SKU_DATA, SystemKind.WMS, "The warehouse receives item data; it cannot "
                    + "be the master of SKUs, descriptions and dimensions the brand sells."),
            new OwnershipRule(DataType.RETURNS_DISPOSITION, SystemKind.CHANNEL, "A sales channel sees a return "
                    + "request, not the inspected condition of the units; it cannot decide their disposition."));

    private OwnershipRules() {
    }

    /** Why {@code system} cannot own {@code dataType}, or empty when it can. */
    public static Optional<String> refusal(DataType dataType, SystemKind system) {
        return REFUSED.stream().filter(rule -> rule.dataType() == dataType && rule.system() == system)
                .map(OwnershipRule::reason).findFirst();
    }

    /** The systems that may own {@code dataType}, in the order people choose from. */
    public static List<SystemKind> allowedOwners(DataType dataType) {
        return java.util.Arrays.stream(SystemKind.values()).filter(system -> refusal(dataType, system).isEmpty())
                .toList();
    }

    private static Map<DataType, SystemKind> defaults() {
        Map<DataType, SystemKind> owners = new EnumMap<>(DataType.class);
        owners.put(DataType.AVAILABLE_INVENTORY, SystemKind.WMS);
        owners.put(DataType.ON_HAND_BY_STATUS, SystemKind.WMS);
        owners.put(DataType.ORDER_STATUS, SystemKind.CHANNEL);
        owners.put(DataType.SHIPMENT_TRACKING, SystemKind.WMS);
        owners.put(DataType.SHIPPING_LABELS, SystemKind.WMS);
        owners.put(DataType.HOLDS, SystemKind.PORTAL);
        owners.put(DataType.BUNDLE_DEFINITION, SystemKind.PORTAL);
        owners.put(DataType.MASTER_SKU_DATA, SystemKind.PORTAL);
        // the returns bench in Crossdock is where returned units are inspected and decided
        owners.put(DataType.RETURNS_DISPOSITION, SystemKind.PORTAL);
        return java.util.Collections.unmodifiableMap(owners);
    }
}
