package com.crossdock.tenantconfig.prep;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An item's FBA prep attributes as the tenant keeps them. Any of them may still be missing; {@link #problems()}
 * says what is wrong with the values that are there, {@link #missingForFba()} what an FBA-bound SKU still needs.
 *
 * @param category   Amazon's prep category
 * @param types      the prep steps; {@code ITEM_NO_PREP} stands alone
 * @param prepOwner  who preps: the seller (that is, the 3PL on the seller's behalf) or nobody
 * @param labelOwner who applies the FNSKU labels
 */
public record PrepAttributes(@Nullable PrepCategory category, Set<PrepType> types, @Nullable PrepOwner prepOwner,
        @Nullable PrepOwner labelOwner) {

    public PrepAttributes {
        types = types == null || types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /** No prep attributes at all. */
    public static PrepAttributes none() {
        return new PrepAttributes(null, Set.of(), null, null);
    }

    /** Values that cannot be sent to Amazon or contradict each other, in words. Empty when consistent. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (category != null && !category.acceptedAsInput()) {
            problems.add("Prep category " + category + " only comes from Amazon; choose the item's real category");
        }
        if (types.contains(PrepType.ITEM_NO_PREP) && types.size() > 1) {
            problems.add("ITEM_NO_PREP cannot be combined with other prep types");
        }
        if (category == PrepCategory.NONE && types.stream().anyMatch(type -> type != PrepType.ITEM_NO_PREP)) {
            problems.add("Prep category NONE means no prep, but prep types are listed");
        }
        boolean needsWork = types.stream().anyMatch(type -> type != PrepType.ITEM_NO_PREP);
        if (needsWork && prepOwner == PrepOwner.NONE) {
            problems.add("Prep types are listed, so someone must own the prep (not NONE)");
        }
        if (types.contains(PrepType.ITEM_LABELING) && labelOwner == PrepOwner.NONE) {
            problems.add("ITEM_LABELING needs a label owner (not NONE)");
        }
        return problems;
    }

    /** What an SKU bound for FBA still lacks: a prep category and a label owner. Empty when complete. */
    public List<String> missingForFba() {
        List<String> missing = new ArrayList<>();
        if (category == null) {
            missing.add("prep category");
        }
        if (labelOwner == null) {
            missing.add("label owner");
        }
        if (prepOwner == null) {
            missing.add("prep owner");
        }
        return missing;
    }
}
