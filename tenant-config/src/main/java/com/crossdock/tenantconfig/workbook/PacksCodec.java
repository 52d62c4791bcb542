package com.crossdock.tenantconfig.workbook;

import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.workbook.CatalogRow.PackRow;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The Packs sheet: one row per pack level of an item. */
final class PacksCodec implements SheetCodec {

    static final Column SKU = Column.required("SKU", 22,
            "The item's SKU as on the Items sheet.");
    static final Column LEVEL = Column.required("Level", 12,
            "EACH, INNER, CASE or PALLET: the single unit, an inner pack, a shipping case or a pallet.");
    static final Column EACHES = Column.requiredNumber("Eaches per pack", 16,
            "How many single units the pack holds: 1 for EACH, e.g. 24 for a case of 24.");
    static final Column LENGTH = Column.optionalNumber("Length mm", 11,
            "The pack's outside length in whole millimetres.");
    static final Column WIDTH = Column.optionalNumber("Width mm", 11,
            "The pack's outside width in whole millimetres.");
    static final Column HEIGHT = Column.optionalNumber("Height mm", 11,
            "The pack's outside height in whole millimetres.");
    static final Column WEIGHT = Column.optionalNumber("Weight g", 11,
            "The pack's gross weight in whole grams.");
    static final Column GTIN = Column.optional("GTIN", 16,
            "The barcode number printed on this pack (8, 12, 13 or 14 digits); keep the column formatted as text so "
                    + "leading zeros stay.");

    private static final List<Column> COLUMNS = List.of(SKU, LEVEL, EACHES, LENGTH, WIDTH, HEIGHT, WEIGHT, GTIN);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public @Nullable CatalogRow read(RowCells cells) {
        Sku sku = cells.sku(SKU);
        PackLevel level = cells.choice(LEVEL, PackLevel.values(), PackLevel::label);
        Integer eaches = cells.positiveNumber(EACHES);
        Integer length = cells.positiveNumber(LENGTH);
        Integer width = cells.positiveNumber(WIDTH);
        Integer height = cells.positiveNumber(HEIGHT);
        Integer weight = cells.positiveNumber(WEIGHT);
        Gtin gtin = cells.gtin(GTIN);
        if (level == PackLevel.EACH && eaches != null && eaches != 1) {
            cells.problem(EACHES, "An EACH pack is one single unit, so it holds exactly 1; a pack of " + eaches
                    + " is an INNER pack or a CASE");
        }
        if (cells.hasProblems()) {
            return null;
        }
        return new PackRow(cells.row(), sku, level, eaches, length, width, height, weight, gtin);
    }

    @Override
    public List<@Nullable Object> write(CatalogRow row) {
        PackRow pack = (PackRow) row;
        return Arrays.asList(pack.sku().value(), pack.level().name(), pack.eaches(), pack.lengthMm(),
                pack.widthMm(), pack.heightMm(), pack.weightG(), pack.gtin() == null ? null : pack.gtin().digits());
    }
}
