package com.crossdock.tenantconfig.workbook;

import static com.crossdock.tenantconfig.workbook.Workbooks.csv;
import static com.crossdock.tenantconfig.workbook.Workbooks.file;
import static com.crossdock.tenantconfig.workbook.Workbooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.tenantconfig.workbook.CatalogRow.AliasRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.ItemRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PackRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PrepRow;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed values of cells, and the problems a person sees when a cell cannot be taken. */
class CellValuesTest {

    private static final String PACKS = "SKU,Level,Eaches per pack,Length mm,Width mm,Height mm,Weight g,GTIN";

    @TempDir
    Path dir;

    @Test
    void wholeNumbersMayHaveThousandsSeparators() throws IOException {
        RecordingListener read = read(file(dir, "packs.csv", csv(PACKS,
                "TEE-1,CASE,\"1,200\",1 200,1.200,1'200,\"12,345,678\",")));

        assertThat(read.problems).isEmpty();
        assertThat(read.rows).singleElement().isEqualTo(new PackRow(2, Sku.of("TEE-1"), PackLevel.CASE, 1200, 1200,
                1200, 1200, 12_345_678, null));
    }

    @Test
    void decimalsNegativesZeroAndWordsAreRefusedWithTheReason() throws IOException {
        RecordingListener read = read(file(dir, "packs.csv", csv(PACKS, "TEE-1,CASE,12.5,-3,0,about ten,,")));

        assertThat(read.rows).isEmpty();
        assertThat(read.problems).extracting(RowProblem::column, RowProblem::value, RowProblem::reason)
                .containsExactly(
                        tuple("Eaches per pack", "12.5",
                                "Enter a whole number; decimals are not accepted here"),
                        tuple("Length mm", "-3", "Enter a number of 1 or more"),
                        tuple("Width mm", "0", "Enter a number of 1 or more"),
                        tuple("Height mm", "about ten",
                                "Enter a whole number, e.g. 12"));
        assertThat(read.problems).allSatisfy(problem -> {
            assertThat(problem.sheet()).isEqualTo(Sheet.PACKS);
            assertThat(problem.row()).isEqualTo(2);
        });
    }

    @Test
    void aGtinIsCheckedAndItsProblemExplainedAsGtinDoes() throws IOException {
        RecordingListener read = read(file(dir, "packs.csv", csv(PACKS, "TEE-1,EACH,1,,,,,614141000012",
                "TEE-2,EACH,1,,,,,614141000013")));

        assertThat(read.rows).singleElement().extracting(row -> ((PackRow) row).gtin())
                .isEqualTo(Gtin.parse("614141000012"));
        assertThat(read.reasons()).containsExactly(Gtin.problemWith("614141000013"));
    }

    @Test
    void aGtinThatLostItsLeadingZeroSaysSoAndHowToKeepIt() throws IOException {
        RecordingListener read = read(file(dir, "packs.csv", csv(PACKS, "TEE-1,EACH,1,,,,,36000291452",
                "TEE-2,CASE,6,,,,,614141000012")));

        assertThat(read.problems).singleElement().satisfies(problem -> {
            assertThat(problem.value()).isEqualTo("36000291452");
            assertThat(problem.reason()).startsWith(Gtin.problemWith("36000291452"))
                    .contains("probably dropped a leading zero", "036000291452", "format the GTIN column as text");
        });
    }

    @Test
    void aGtin8ThatLostItsLeadingZeroIsRecognisedToo() throws IOException {
        String gtin8 = "0123456" + Gtin.checkDigit("0123456");
        String typed = gtin8.substring(1);

        RecordingListener read = read(file(dir, "packs.csv", csv(PACKS, "TEE-1,EACH,1,,,,," + typed)));

        assertThat(read.reasons()).singleElement().asString()
                .startsWith("A GTIN has 8, 12, 13 or 14 digits, not 7. The spreadsheet probably dropped a leading zero")
                .contains(gtin8);
    }

    @Test
    void anEachPackHoldsExactlyOneEach() throws IOException {
        RecordingListener read = read(file(dir, "packs.csv", csv(PACKS, "TEE-1,Each,6,,,,,")));

        assertThat(read.problems).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("Eaches per pack");
            assertThat(problem.reason()).startsWith("An EACH pack is one single unit, so it holds exactly 1");
        });
    }

    @Test
    void packLevelsAndChannelIdentifiersAreAcceptedByNameOrLabel() throws IOException {
        RecordingListener packs = read(file(dir, "packs.csv", csv(PACKS, "TEE-1,inner pack,6,,,,,",
                "TEE-1,PALLET,600,,,,,")));
        RecordingListener aliases = read(file(dir, "aliases.csv", csv("SKU,Channel identifier,Value",
                "TEE-1,Amazon FNSKU,X00ABC1234", "TEE-1,shopify_variant_id,45678901234567")));

        assertThat(packs.rows).extracting(row -> ((PackRow) row).level())
                .containsExactly(PackLevel.INNER, PackLevel.PALLET);
        assertThat(aliases.rows).extracting(row -> ((AliasRow) row).kind())
                .containsExactly(AliasKind.AMAZON_FNSKU, AliasKind.SHOPIFY_VARIANT_ID);
    }

    @Test
    void anUnknownChoiceListsTheAcceptedValuesAndTheNearestOne() throws IOException {
        RecordingListener read = read(file(dir, "packs.csv", csv(PACKS, "TEE-1,CASSE,6,,,,,")));

        assertThat(read.reasons()).containsExactly("'CASSE' is not one of the accepted values: EACH, INNER, CASE, "
                + "PALLET. Did you mean CASE?");
    }

    @Test
    void yesNoCellsAcceptTheUsualSpellingsAndBlankIsNo() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv(
                "SKU,Description,Lot tracked,Expiry tracked,Serial tracked,Hazmat",
                "A,a,Y,TRUE,1,x", "B,b,n,False,0,", "C,c,maybe,,,")));

        assertThat(read.rows).extracting(row -> (ItemRow) row)
                .extracting(ItemRow::lotTracked, ItemRow::expiryTracked, ItemRow::serialTracked, ItemRow::hazmat)
                .containsExactly(tuple(true, true, true, true),
                        tuple(false, false, false, false));
        assertThat(read.problems).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(4);
            assertThat(problem.reason()).startsWith("Write yes or no");
        });
    }

    @Test
    void skusAndTextsAreCheckedForLength() throws IOException {
        String longSku = "S".repeat(Sku.MAX_LENGTH + 1);
        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Description", longSku + ",Tee",
                "TEE-1," + "d".repeat(301))));
        RecordingListener aliases = read(file(dir, "aliases.csv", csv("SKU,Channel identifier,Value",
                "TEE-1,WALMART_SKU," + "v".repeat(101))));

        assertThat(read.reasons()).containsExactly("A SKU has at most 64 characters",
                "At most 300 characters are accepted; this has 301");
        assertThat(aliases.reasons()).containsExactly("At most 100 characters are accepted; this has 101");
    }

    @Test
    void aRequiredValueLeftBlankIsAProblemOfItsCell() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Description", "TEE-1,")));

        assertThat(read.problems).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("Description");
            assertThat(problem.reason()).isEqualTo("This column needs a value in every row");
        });
    }

    @Test
    void aCellLongerThanTheLimitIsAProblemOfItsRow() throws IOException {
        WorkbookLimits limits = new WorkbookLimits(100, 1_000_000, 1_000_000, 20);

        RecordingListener read = read(file(dir, "items.csv", csv("SKU,Description", "TEE-1,Tee",
                "TEE-2," + "x".repeat(21))), limits);

        assertThat(read.rows).hasSize(1);
        assertThat(read.problems).singleElement().satisfies(problem -> {
            assertThat(problem.reason()).isEqualTo("This cell has 21 characters; a cell may hold at most 20");
            assertThat(problem.value()).isEqualTo("x".repeat(20) + "…");
        });
    }

    @Test
    void bundleQuantitiesAreOneOrMoreAndABundleCannotContainItself() throws IOException {
        RecordingListener read = read(file(dir, "bundles.csv", csv("Bundle SKU,Kind,Component SKU,Quantity",
                "PACK-2,VIRTUAL,TEE-1,2", "PACK-2,VIRTUAL,TEE-2,0", "PACK-2,physical,PACK-2,1")));

        assertThat(read.rows).hasSize(1);
        assertThat(read.reasons()).containsExactly("Enter a number of 1 or more", "A bundle cannot contain itself");
    }

    @Test
    void prepTypesAreSeparatedByCommasOrSemicolonsAndTheRulesOfPrepApply() throws IOException {
        RecordingListener read = read(file(dir, "prep.csv", csv("SKU,Prep category,Prep types,Prep owner,"
                        + "Label owner",
                "TEE-1,TEXTILE,\"ITEM_POLYBAGGING; item labeling\",SELLER,SELLER",
                "TEE-2,TEXTILE,\"ITEM_NO_PREP, ITEM_LABELING\",SELLER,SELLER",
                "TEE-3,TEXTILE,ITEM_WRAPPING,SELLER,SELLER")));

        assertThat(read.rows).singleElement().extracting(row -> ((PrepRow) row).prep().types())
                .isEqualTo(java.util.Set.of(PrepType.ITEM_POLYBAGGING, PrepType.ITEM_LABELING));
        assertThat(read.problems).extracting(RowProblem::row, RowProblem::column).containsExactly(
                tuple(3L, ""), tuple(4L, "Prep types"));
        assertThat(read.reasons().getFirst()).isEqualTo("ITEM_NO_PREP cannot be combined with other prep types");
        assertThat(read.reasons().getLast()).startsWith("'ITEM_WRAPPING' is not one of the accepted values: "
                + "ITEM_BLACK_SHRINKWRAP,").endsWith("Did you mean ITEM_TAPING?");
    }

    @Test
    void aProblemNamesTheColumnAsTheFileWritesIt() throws IOException {
        RecordingListener read = read(file(dir, "items.csv", csv("sku,description,hazmat", "TEE-1,Tee,perhaps")));

        assertThat(read.problems).singleElement().extracting(RowProblem::column).isEqualTo("hazmat");
    }
}
