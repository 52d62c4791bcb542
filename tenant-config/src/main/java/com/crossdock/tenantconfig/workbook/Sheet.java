package com.crossdock.tenantconfig.workbook;

import java.util.List;

/**
 * The sheets of the catalog onboarding workbook, in workbook order. In an XLSX each is a sheet named by
 * {@link #title()}; as CSV each is a file named by {@link #csvFileName()}. Every sheet's first row holds the
 * {@link #headers()}.
 */
public enum Sheet {
    ITEMS("Items", "items.csv", new ItemsCodec()),
    PACKS("Packs", "packs.csv", new PacksCodec()),
    ALIASES("Aliases", "aliases.csv", new AliasesCodec()),
    BUNDLES("Bundles", "bundles.csv", new BundlesCodec()),
    PREP("FBA prep", "prep.csv", new PrepCodec());

    private final String title;
    private final String csvFileName;
    private final SheetCodec codec;

    Sheet(String title, String csvFileName, SheetCodec codec) {
        this.title = title;
        this.csvFileName = csvFileName;
        this.codec = codec;
    }

    /** The sheet's name in an XLSX workbook, e.g. "FBA prep". */
    public String title() {
        return title;
    }

    /** The sheet's file name as CSV, e.g. "prep.csv". */
    public String csvFileName() {
        return csvFileName;
    }

    /** The column headers in order, as the export writes them. */
    public List<String> headers() {
        return columns().stream().map(Column::header).toList();
    }

    List<Column> columns() {
        return codec.columns();
    }

    SheetCodec codec() {
        return codec;
    }
}
