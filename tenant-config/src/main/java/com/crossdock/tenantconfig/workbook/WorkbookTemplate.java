package com.crossdock.tenantconfig.workbook;

import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.tenantconfig.workbook.CatalogRow.AliasRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.BundleRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.ItemRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PackRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PrepRow;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * The workbook a brand starts from: every sheet with a few realistic example rows (a T-shirt in two colours with
 * its packs and barcodes, its Shopify and Amazon identifiers, a two-pack bundle, FBA prep), and in an XLSX a first
 * "Read me" sheet explaining each sheet and column. Read back, the template has no problems.
 */
public final class WorkbookTemplate {

    private static final Sku BLACK_TEE = Sku.of("TEE-CLASSIC-BLK-M");
    private static final Sku WHITE_TEE = Sku.of("TEE-CLASSIC-WHT-M");
    private static final Sku TWO_PACK = Sku.of("TEE-2PACK-M");

    private WorkbookTemplate() {
    }

    /**
     * Writes the template as an XLSX (with "Read me") or a zip of CSV files (with README.txt).
     *
     * @throws IllegalArgumentException for {@link WorkbookFormat#CSV}, which holds one sheet: use
     *                                  {@link #write(Sheet, OutputStream)}
     */
    public static void write(WorkbookFormat format, OutputStream out) throws IOException {
        if (format == WorkbookFormat.CSV) {
            throw new IllegalArgumentException("A CSV file holds one sheet; write the template as CSV_ZIP or XLSX, "
                    + "or one sheet with write(Sheet, OutputStream)");
        }
        try (WorkbookWriter writer = WorkbookWriter.open(format, out)) {
            writer.readMe();
            for (Sheet sheet : Sheet.values()) {
                writer.sheet(sheet, examples(sheet).iterator());
            }
        }
    }

    /** Writes one sheet of the template as a CSV file. */
    public static void write(Sheet sheet, OutputStream out) throws IOException {
        try (WorkbookWriter writer = WorkbookWriter.open(WorkbookFormat.CSV, out)) {
            writer.sheet(sheet, examples(sheet).iterator());
        }
    }

    static List<? extends CatalogRow> examples(Sheet sheet) {
        return switch (sheet) {
            case ITEMS -> List.of(
                    new ItemRow(0, BLACK_TEE, "Classic tee, black, size M", ItemStatus.ACTIVE, false, false, false,
                            false),
                    new ItemRow(0, WHITE_TEE, "Classic tee, white, size M", ItemStatus.ACTIVE, false, false, false,
                            false),
                    new ItemRow(0, TWO_PACK, "Classic tee two-pack, black and white, size M", ItemStatus.ACTIVE,
                            false, false, false, false));
            case PACKS -> List.of(
                    new PackRow(0, BLACK_TEE, PackLevel.EACH, 1, 300, 250, 20, 180, Gtin.parse("614141000012")),
                    new PackRow(0, BLACK_TEE, PackLevel.CASE, 24, 600, 400, 300, 4_700,
                            Gtin.parse("10614141000019")),
                    new PackRow(0, WHITE_TEE, PackLevel.EACH, 1, 300, 250, 20, 180, Gtin.parse("614141000029")));
            case ALIASES -> List.of(
                    new AliasRow(0, BLACK_TEE, AliasKind.SHOPIFY_VARIANT_SKU, "CLASSIC-TEE-BLACK-M"),
                    new AliasRow(0, BLACK_TEE, AliasKind.SHOPIFY_VARIANT_ID, "45678901234567"),
                    new AliasRow(0, BLACK_TEE, AliasKind.AMAZON_FNSKU, "X00ABC1234"));
            case BUNDLES -> List.of(
                    new BundleRow(0, TWO_PACK, BundleKind.VIRTUAL, BLACK_TEE, 1),
                    new BundleRow(0, TWO_PACK, BundleKind.VIRTUAL, WHITE_TEE, 1));
            case PREP -> List.of(
                    new PrepRow(0, BLACK_TEE, new PrepAttributes(PrepCategory.TEXTILE,
                            Set.of(PrepType.ITEM_POLYBAGGING, PrepType.ITEM_LABELING), PrepOwner.SELLER,
                            PrepOwner.SELLER)),
                    new PrepRow(0, WHITE_TEE, new PrepAttributes(PrepCategory.TEXTILE,
                            Set.of(PrepType.ITEM_POLYBAGGING, PrepType.ITEM_LABELING), PrepOwner.SELLER,
                            PrepOwner.SELLER)));
        };
    }
}
