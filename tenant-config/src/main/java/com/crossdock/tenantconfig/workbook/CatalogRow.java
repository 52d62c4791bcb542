package com.crossdock.tenantconfig.workbook;

import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import org.jspecify.annotations.Nullable;

/**
 * One readable row of the workbook, typed. {@code row} is the row number a person sees in the spreadsheet (the
 * header is row 1); rows written by the export carry 0.
 */
public sealed interface CatalogRow {

    Sheet sheet();

    long row();

    /** The item SKU the row is about (for a bundle row: the bundle SKU). */
    Sku sku();

    /** A row of the Items sheet: the item master fields. */
    record ItemRow(long row, Sku sku, String description, ItemStatus status, boolean lotTracked,
            boolean expiryTracked, boolean serialTracked, boolean hazmat) implements CatalogRow {
        @Override
        public Sheet sheet() {
            return Sheet.ITEMS;
        }
    }

    /** A row of the Packs sheet: one pack level of an item with its size, weight and barcode. */
    record PackRow(long row, Sku sku, PackLevel level, int eaches, @Nullable Integer lengthMm,
            @Nullable Integer widthMm, @Nullable Integer heightMm, @Nullable Integer weightG, @Nullable Gtin gtin)
            implements CatalogRow {
        @Override
        public Sheet sheet() {
            return Sheet.PACKS;
        }
    }

    /** A row of the Aliases sheet: one channel identifier of an item. */
    record AliasRow(long row, Sku sku, AliasKind kind, String value) implements CatalogRow {
        @Override
        public Sheet sheet() {
            return Sheet.ALIASES;
        }
    }

    /** A row of the Bundles sheet: one component line of a bundle or kit. */
    record BundleRow(long row, Sku sku, BundleKind kind, Sku componentSku, int quantity) implements CatalogRow {
        @Override
        public Sheet sheet() {
            return Sheet.BUNDLES;
        }
    }

    /** A row of the FBA prep sheet: an item's prep attributes. */
    record PrepRow(long row, Sku sku, PrepAttributes prep) implements CatalogRow {
        @Override
        public Sheet sheet() {
            return Sheet.PREP;
        }
    }
}
