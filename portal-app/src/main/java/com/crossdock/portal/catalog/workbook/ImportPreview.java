package com.crossdock.portal.catalog.workbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an uploaded workbook would change, before anything is written: counts and a sample of SKUs per kind of
 * change, for items and for bundles, the first problems, and notices about the file.
 *
 * @param rowsRead    rows read from all sheets, readable or not
 * @param problems    how many problems the error file lists
 * @param items       items by what the commit would do to them
 * @param bundles     bundles by what the commit would do to them
 * @param samples     up to five SKUs per kind of change, items first then bundles
 * @param firstProblems the first problems, in sheet and row order
 */
public record ImportPreview(UUID id, String fileName, ImportStatus status, Instant createdAt, long rowsRead,
        long problems, List<String> notices, Map<ImportChange, Long> items, Map<ImportChange, Long> bundles,
        Map<ImportChange, List<String>> samples, List<ImportProblem> firstProblems) {

    public ImportPreview {
        notices = List.copyOf(notices);
        items = Map.copyOf(items);
        bundles = Map.copyOf(bundles);
        samples = Map.copyOf(samples);
        firstProblems = List.copyOf(firstProblems);
    }

    /** Items plus bundles the commit would write. */
    public long changes() {
        return count(items, ImportChange.NEW) + count(items, ImportChange.CHANGED)
                + count(bundles, ImportChange.NEW) + count(bundles, ImportChange.CHANGED);
    }

    public long count(ImportChange change) {
        return count(items, change) + count(bundles, change);
    }

    private static long count(Map<ImportChange, Long> counts, ImportChange change) {
        return counts.getOrDefault(change, 0L);
    }
}
