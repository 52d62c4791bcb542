package com.crossdock.tenantconfig.workbook;

import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.workbook.CatalogRow.AliasRow;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The Aliases sheet: one row per identifier a channel knows an item by. */
final class AliasesCodec implements SheetCodec {

    static final int MAX_VALUE = 100;

    static final Column SKU = Column.required("SKU", 22,
            "The item's SKU as on the Items sheet.");
    static final Column KIND = Column.required("Channel identifier", 26,
            "Which identifier the value is: " + Arrays.stream(AliasKind.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + " (or its name, e.g. Amazon FNSKU).");
    static final Column VALUE = Column.required("Value", 24,
            "The identifier exactly as the channel shows it, up to 100 characters.");

    private static final List<Column> COLUMNS = List.of(SKU, KIND, VALUE);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public @Nullable CatalogRow read(RowCells cells) {
        Sku sku = cells.sku(SKU);
        AliasKind kind = cells.choice(KIND, AliasKind.values(), AliasKind::label);
        String value = cells.text(VALUE, MAX_VALUE);
        return cells.hasProblems() ? null : new AliasRow(cells.row(), sku, kind, value);
    }

    @Override
    public List<@Nullable Object> write(CatalogRow row) {
        AliasRow alias = (AliasRow) row;
        return Arrays.asList(alias.sku().value(), alias.kind().name(), alias.value());
    }
}
