package com.crossdock.tenantconfig.workbook;

import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.workbook.CatalogRow.BundleRow;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The Bundles sheet: one row per component of a bundle or kit. */
final class BundlesCodec implements SheetCodec {

    static final Column BUNDLE_SKU = Column.required("Bundle SKU", 22,
            "The SKU the bundle or kit is sold as; repeat it on one row per component.");
    static final Column KIND = Column.required("Kind", 12,
            "VIRTUAL when the bundle is picked as its components, PHYSICAL when it is a kit the warehouse builds "
                    + "ahead and stocks as itself.");
    static final Column COMPONENT_SKU = Column.required("Component SKU", 22,
            "The SKU of one component, as on the Items sheet.");
    static final Column QUANTITY = Column.requiredNumber("Quantity", 10,
            "How many of the component one bundle holds, 1 or more.");

    private static final List<Column> COLUMNS = List.of(BUNDLE_SKU, KIND, COMPONENT_SKU, QUANTITY);

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public @Nullable CatalogRow read(RowCells cells) {
        Sku bundle = cells.sku(BUNDLE_SKU);
        BundleKind kind = cells.choice(KIND, BundleKind.values(), BundleKind::name);
        Sku component = cells.sku(COMPONENT_SKU);
        Integer quantity = cells.positiveNumber(QUANTITY);
        if (bundle != null && bundle.equals(component)) {
            cells.problem(COMPONENT_SKU, "A bundle cannot contain itself");
        }
        return cells.hasProblems() ? null : new BundleRow(cells.row(), bundle, kind, component, quantity);
    }

    @Override
    public List<@Nullable Object> write(CatalogRow row) {
        BundleRow bundle = (BundleRow) row;
        return Arrays.asList(bundle.sku().value(), bundle.kind().name(), bundle.componentSku().value(),
                bundle.quantity());
    }
}
