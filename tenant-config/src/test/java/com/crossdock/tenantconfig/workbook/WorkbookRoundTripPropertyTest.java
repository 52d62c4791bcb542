package com.crossdock.tenantconfig.workbook;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Whatever valid rows are exported, in any of the formats, read back as the same rows without a problem: SKUs and
 * texts with punctuation that spreadsheets treat specially (leading {@code = - + @}, quotes, commas, semicolons,
 * line breaks), accented and non-Latin letters, barcodes with leading zeros, blank optional cells.
 */
class WorkbookRoundTripPropertyTest {

    private final Path dir;

    WorkbookRoundTripPropertyTest() throws IOException {
        dir = Files.createTempDirectory("workbook-round-trip");
    }

    record Catalog(Map<Sheet, List<CatalogRow>> rows) {
    }

    @Property(tries = 50)
    void everyFormatReadsBackWhatWasWritten(@ForAll("catalogs") Catalog catalog) throws IOException {
        for (WorkbookFormat format : WorkbookFormat.values()) {
            if (format == WorkbookFormat.CSV) {
                for (Sheet sheet : Sheet.values()) {
                    Path file = write(format, sheet.csvFileName(), Map.of(sheet, catalog.rows().get(sheet)));
                    assertReadsBack(file, Map.of(sheet, catalog.rows().get(sheet)));
                }
            } else {
                Path file = write(format, format == WorkbookFormat.XLSX ? "catalog.xlsx" : "catalog.zip",
                        catalog.rows());
                assertReadsBack(file, catalog.rows());
            }
        }
    }

    @AfterProperty
    void removeFiles() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private Path write(WorkbookFormat format, String name, Map<Sheet, List<CatalogRow>> rows) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                WorkbookWriter writer = WorkbookWriter.open(format, out)) {
            for (Sheet sheet : Sheet.values()) {
                if (rows.containsKey(sheet)) {
                    writer.sheet(sheet, rows.get(sheet).iterator());
                }
            }
        }
        return file;
    }

    private static void assertReadsBack(Path file, Map<Sheet, List<CatalogRow>> written) throws IOException {
        RecordingListener read = Workbooks.read(file);

        assertThat(read.problems).as(file.getFileName().toString()).isEmpty();
        List<CatalogRow> expected = new ArrayList<>();
        Arrays.stream(Sheet.values()).filter(written::containsKey)
                .forEach(sheet -> expected.addAll(written.get(sheet)));
        assertThat(Workbooks.unnumbered(read.rows)).as(file.getFileName().toString()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Catalog> catalogs() {
        return Combinators.combine(items().list().ofMaxSize(6), packs().list().ofMaxSize(6),
                aliases().list().ofMaxSize(6), bundles().list().ofMaxSize(6), preps().list().ofMaxSize(6))
                .as((items, packs, aliases, bundles, preps) -> {
                    Map<Sheet, List<CatalogRow>> rows = new EnumMap<>(Sheet.class);
                    rows.put(Sheet.ITEMS, List.copyOf(items));
                    rows.put(Sheet.PACKS, List.copyOf(packs));
                    rows.put(Sheet.ALIASES, List.copyOf(aliases));
                    rows.put(Sheet.BUNDLES, List.copyOf(bundles));
                    rows.put(Sheet.PREP, List.copyOf(preps));
                    return new Catalog(rows);
                });
    }

    private static Arbitrary<CatalogRow> items() {
        return Combinators.combine(skus(), texts(ItemsCodec.MAX_DESCRIPTION), Arbitraries.of(ItemStatus.class),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false))
                .as((sku, description, status, lot, expiry, serial, hazmat) -> new ItemRow(0, sku, description,
                        status, lot, expiry, serial, hazmat));
    }

    private static Arbitrary<CatalogRow> packs() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 2_000_000).injectNull(0.3);
        return Combinators.combine(skus(), Arbitraries.of(PackLevel.class),
                Arbitraries.integers().between(1, 100_000), size, size, size, size, gtins().injectNull(0.3))
                .as((sku, level, eaches, length, width, height, weight, gtin) -> new PackRow(0, sku, level,
                        level == PackLevel.EACH ? 1 : eaches, length, width, height, weight, gtin));
    }

    private static Arbitrary<CatalogRow> aliases() {
        return Combinators.combine(skus(), Arbitraries.of(AliasKind.class), texts(AliasesCodec.MAX_VALUE))
                .as((sku, kind, value) -> new AliasRow(0, sku, kind, value));
    }

    private static Arbitrary<CatalogRow> bundles() {
        return Combinators.combine(skus(), Arbitraries.of(BundleKind.class), skus(),
                Arbitraries.integers().between(1, 10_000))
                .filter((bundle, kind, component, quantity) -> !bundle.equals(component))
                .as((bundle, kind, component, quantity) -> new BundleRow(0, bundle, kind, component, quantity));
    }

    private static Arbitrary<CatalogRow> preps() {
        Arbitrary<PrepCategory> categories = Arbitraries.of(Arrays.stream(PrepCategory.values())
                .filter(PrepCategory::acceptedAsInput).toList()).injectNull(0.2);
        Arbitrary<Set<PrepType>> types = Arbitraries.oneOf(Arbitraries.just(Set.of()),
                Arbitraries.just(Set.of(PrepType.ITEM_NO_PREP)),
                Arbitraries.of(PrepType.class).filter(type -> type != PrepType.ITEM_NO_PREP).set().ofMinSize(1)
                        .ofMaxSize(4));
        Arbitrary<PrepOwner> owners = Arbitraries.of(PrepOwner.class).injectNull(0.2);
        Arbitrary<PrepAttributes> consistent = Combinators.combine(categories, types, owners, owners)
                .as(PrepAttributes::new).filter(prep -> prep.problems().isEmpty());
        return Combinators.combine(skus(), consistent).as((sku, prep) -> new PrepRow(0, sku, prep));
    }

    /** Characters spreadsheets and CSV treat specially, besides letters and digits. */
    private static final String PUNCTUATION = "-_.,;:'\"/\\#&()[]%*!?=+@$ ";

    private static Arbitrary<String> strings(int maxLength) {
        return Arbitraries.strings().alpha().numeric().withChars(PUNCTUATION).withChars("éèüßçñÅøЖ中文")
                .withChars('\n').ofMinLength(1).ofMaxLength(maxLength)
                .map(String::strip).filter(text -> !text.isEmpty());
    }

    private static Arbitrary<String> texts(int maxLength) {
        Arbitrary<String> leading = Arbitraries.of("", "=", "-", "+", "@", "'", "'=", "''-", "\"");
        // added whole: an emoji is two chars, and XLSX decodes _xHHHH_ (Excel's escape) wherever it appears
        Arbitrary<String> trailing = Arbitraries.of("", "", "😀", "_x0041_", "_x0041_x0042_");
        return Combinators.combine(leading, strings(maxLength - 16), trailing)
                .as((prefix, text, suffix) -> (prefix + text + suffix).strip());
    }

    private static Arbitrary<Sku> skus() {
        return texts(Sku.MAX_LENGTH).filter(text -> !text.contains("\n")).map(Sku::of);
    }

    private static Arbitrary<Gtin> gtins() {
        return Arbitraries.of(8, 12, 13, 14).flatMap(length -> Arbitraries.strings().numeric()
                .ofLength(length - 1)
                .map(body -> Gtin.parse(body + Gtin.checkDigit(body))));
    }
}
