package com.crossdock.tenantconfig.truth;

import java.util.Locale;
import java.util.Objects;

/**
 * The one answer to "may {@code source} change {@code dataType} of a tenant whose source of truth names
 * {@code owner}?", with the sentence people read when it may not. The rule: only the owner changes its data. The one
 * widening: Crossdock's API is a door into Crossdock's item master, so while Crossdock owns master SKU data the
 * brand's ERP writes items through it as well (and while the ERP owns it, only through it).
 *
 * @param dataType the kind of data a change touches
 * @param owner    who owns it in the tenant's source of truth
 * @param source   the system the change comes from
 */
public record OwnershipCheck(DataType dataType, SystemKind owner, SystemKind source) {

    public OwnershipCheck {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(source, "source");
    }

    /** Whether the change is applied. */
    public boolean allowed() {
        return owner == source || dataType == DataType.MASTER_SKU_DATA && owner == SystemKind.PORTAL
                && source == SystemKind.ERP;
    }

    /** Who answers for a conflict: the owner's side ("Brand" or "3PL"). */
    public String party() {
        return owner.party();
    }

    /**
     * What a person reads when the change is refused: the owner, the kind of data, the change and its source, and
     * what to do, e.g. "Brand ERP owns order status in this brand's source of truth, so a cancellation from the
     * Sales channel was not applied. Make the change in Brand ERP, or a brand admin makes the Sales channel the owner
     * in Setup."
     *
     * @param change what arrived, as a phrase ("a cancellation", "the stock report of 3 SKUs")
     */
    public String refusal(String change) {
        String todo = OwnershipRules.refusal(dataType, source).isPresent()
                ? " Make the change in " + owner.label() + "; " + source.label() + " cannot own " + phrase(dataType)
                        + "."
                : " Make the change in " + owner.label() + ", or a brand admin makes " + source.label()
                        + " the owner in Setup.";
        return owner.label() + " owns " + phrase(dataType) + " in this brand's source of truth, so " + change
                + " from " + source.label() + " was not applied." + todo;
    }

    /** What a screen where the source changes the data shows while it may not, e.g. above the catalog. */
    public String notice() {
        return owner.label() + " owns " + phrase(dataType) + " for this brand (Setup, source of truth), so changes "
                + "made here are refused.";
    }

    /** The kind of data inside a sentence: its label with a small first letter ("master SKU data"). */
    public static String phrase(DataType dataType) {
        String label = dataType.label();
        return label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }
}
