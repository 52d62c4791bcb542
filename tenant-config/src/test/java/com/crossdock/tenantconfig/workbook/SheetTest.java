package com.crossdock.tenantconfig.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sheets and columns are the contract with the brands' spreadsheets: they change only on purpose. */
class SheetTest {

    @Test
    void theSheetsAreNamedAsTheWorkbookNamesThem() {
        assertThat(Arrays.stream(Sheet.values()).map(Sheet::title))
                .containsExactly("Items", "Packs", "Aliases", "Bundles", "FBA prep");
        assertThat(Arrays.stream(Sheet.values()).map(Sheet::csvFileName))
                .containsExactly("items.csv", "packs.csv", "aliases.csv", "bundles.csv", "prep.csv");
    }

    @Test
    void theColumnsAreInWorkbookOrder() {
        assertThat(Sheet.ITEMS.headers()).containsExactly("SKU", "Description", "Status", "Lot tracked",
                "Expiry tracked", "Serial tracked", "Hazmat");
        assertThat(Sheet.PACKS.headers()).containsExactly("SKU", "Level", "Eaches per pack", "Length mm",
                "Width mm", "Height mm", "Weight g", "GTIN");
        assertThat(Sheet.ALIASES.headers()).containsExactly("SKU", "Channel identifier", "Value");
        assertThat(Sheet.BUNDLES.headers()).containsExactly("Bundle SKU", "Kind", "Component SKU", "Quantity");
        assertThat(Sheet.PREP.headers()).containsExactly("SKU", "Prep category", "Prep types", "Prep owner",
                "Label owner");
    }

    @Test
    void exactlyTheStarredColumnsAreRequired() {
        assertThat(Sheet.ITEMS.columns()).filteredOn(Column::required).extracting(Column::header)
                .containsExactly("SKU", "Description");
        assertThat(Sheet.PACKS.columns()).filteredOn(Column::required).extracting(Column::header)
                .containsExactly("SKU", "Level", "Eaches per pack");
        assertThat(Sheet.ALIASES.columns()).filteredOn(Column::required).extracting(Column::header)
                .containsExactly("SKU", "Channel identifier", "Value");
        assertThat(Sheet.BUNDLES.columns()).filteredOn(Column::required).extracting(Column::header)
                .containsExactly("Bundle SKU", "Kind", "Component SKU", "Quantity");
        assertThat(Sheet.PREP.columns()).filteredOn(Column::required).extracting(Column::header)
                .containsExactly("SKU");
    }

    @Test
    void theDefaultLimitsAreGenerousForACatalogAndTightForAnAttack() {
        WorkbookLimits limits = WorkbookLimits.defaults();

        assertThat(limits.maxRows()).isEqualTo(2_000_000);
        assertThat(limits.maxFileBytes()).isEqualTo(200L * 1024 * 1024);
        assertThat(limits.maxUncompressedBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(limits.maxCellLength()).isEqualTo(1_000);
        assertThat(WorkbookLimits.size(limits.maxUncompressedBytes())).isEqualTo("1 GB");
        assertThat(WorkbookLimits.size(limits.maxFileBytes())).isEqualTo("200 MB");
    }
}
