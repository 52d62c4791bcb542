package com.crossdock.tenantconfig.workbook;

import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.workbook.CatalogRow.ItemRow;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The Items sheet: one row per item with its master fields. */
final class ItemsCodec implements SheetCodec {

    static final int MAX_DESCRIPTION = 300;

    static final Column SKU = Column.required("SKU", 22,
            "The item's master SKU as your own systems write it, up to 64 characters.");
    static final Column DESCRIPTION = Column.required("Description", 40,
            "What the item is, as a picker would recognise it, up to 300 characters.");
    static final Column STATUS = Column.optional("Status", 10,
            "ACTIVE or INACTIVE; blank means ACTIVE.");
    static final Column LOT_TRACKED = Column.optional("Lot tracked", 12,
            "yes when the warehouse must record the lot number of every unit it receives and ships; blank means no.");
    static final Column EXPIRY_TRACKED = Column.optional("Expiry tracked", 14,
            "yes when the item has a best-before or expiry date, so the oldest stock ships first; blank means no.");
    static final Column SERIAL_TRACKED = Column.optional("Serial tracked", 14,
            "yes when every unit's serial number is scanned on the way out; blank means no.");
    static final Column HAZMAT = Column.optional("Hazmat", 10,
            "yes when the item is a dangerous good (batteries, aerosols, flammables); blank means no.");

    private static final List<Column> COLUMNS = List.of(SKU, DESCRIPTION, STATUS, LOT_TRACKED, EXPIRY_TRACKED,
            SERIAL_TRACKED, HAZMAT);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public @Nullable CatalogRow read(RowCells cells) {
        Sku sku = cells.sku(SKU);
        String description = cells.text(DESCRIPTION, MAX_DESCRIPTION);
        ItemStatus status = cells.choice(STATUS, ItemStatus.values(), ItemStatus::label);
        boolean lotTracked = cells.flag(LOT_TRACKED);
        boolean expiryTracked = cells.flag(EXPIRY_TRACKED);
        boolean serialTracked = cells.flag(SERIAL_TRACKED);
        boolean hazmat = cells.flag(HAZMAT);
        if (cells.hasProblems()) {
            return null;
        }
        return new ItemRow(cells.row(), sku, description, status == null ? ItemStatus.ACTIVE : status, lotTracked,
                expiryTracked, serialTracked, hazmat);
    }

    @Override
    public List<@Nullable Object> write(CatalogRow row) {
        ItemRow item = (ItemRow) row;
        return Arrays.asList(item.sku().value(), item.description(), item.status().name(),
                yesNo(item.lotTracked()), yesNo(item.expiryTracked()), yesNo(item.serialTracked()),
                yesNo(item.hazmat()));
    }

    private static String yesNo(boolean flag) {
        return flag ? "yes" : "no";
    }
}
