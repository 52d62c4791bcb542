package com.crossdock.portal.catalog.workbook;

import java.time.Instant;
import java.util.UUID;

/** One past import, for the history list: who uploaded what, and what came of it. */
public record ImportSummary(UUID id, String fileName, ImportStatus status, Instant createdAt, String createdBy,
        long rowsRead, long problems, String result) {
}
