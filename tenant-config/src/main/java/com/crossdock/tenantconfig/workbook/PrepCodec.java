package com.crossdock.tenantconfig.workbook;

import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.tenantconfig.workbook.CatalogRow.PrepRow;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The FBA prep sheet: an item's Amazon prep attributes. */
final class PrepCodec implements SheetCodec {

    static final Column SKU = Column.required("SKU", 22,
            "The item's SKU as on the Items sheet.");
    static final Column CATEGORY = Column.optional("Prep category", 16,
            "Amazon's prep category, e.g. TEXTILE, FRAGILE or NONE.");
    static final Column TYPES = Column.optional("Prep types", 34,
            "The prep steps, separated by commas, e.g. ITEM_POLYBAGGING, ITEM_LABELING; ITEM_NO_PREP stands alone.");
    static final Column PREP_OWNER = Column.optional("Prep owner", 12,
            "Who preps the item: SELLER (we do, for you), AMAZON or NONE.");
    static final Column LABEL_OWNER = Column.optional("Label owner", 12,
            "Who applies the FNSKU labels: SELLER, AMAZON or NONE.");

    private static final List<Column> COLUMNS = List.of(SKU, CATEGORY, TYPES, PREP_OWNER, LABEL_OWNER);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public @Nullable CatalogRow read(RowCells cells) {
        Sku sku = cells.sku(SKU);
        PrepCategory category = cells.choice(CATEGORY, PrepCategory.values(), PrepCategory::name);
        Set<PrepType> types = cells.choices(TYPES, PrepType.values());
        PrepOwner prepOwner = cells.choice(PREP_OWNER, PrepOwner.values(), PrepOwner::name);
        PrepOwner labelOwner = cells.choice(LABEL_OWNER, PrepOwner.values(), PrepOwner::name);
        if (cells.hasProblems()) {
            return null;
        }
        PrepAttributes prep = new PrepAttributes(category, types, prepOwner, labelOwner);
        prep.problems().forEach(cells::rowProblem);
        return cells.hasProblems() ? null : new PrepRow(cells.row(), sku, prep);
    }

    @Override
    public List<@Nullable Object> write(CatalogRow row) {
        PrepAttributes prep = ((PrepRow) row).prep();
        String types = prep.types().stream().sorted(Comparator.naturalOrder()).map(Enum::name)
                .collect(Collectors.joining(", "));
        return Arrays.asList(row.sku().value(), name(prep.category()), types.isEmpty() ? null : types,
                name(prep.prepOwner()), name(prep.labelOwner()));
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
