package com.crossdock.portal.catalog.workbook;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.identity.CurrentUser;
import com.crossdock.portal.tenancy.TenantTransactions;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.truth.OwnershipCheck;
import com.crossdock.tenantconfig.workbook.CatalogRow;
import com.crossdock.tenantconfig.workbook.RowProblem;
import com.crossdock.tenantconfig.workbook.WorkbookFormat;
import com.crossdock.tenantconfig.workbook.WorkbookFormatException;
import com.crossdock.tenantconfig.workbook.WorkbookLimits;
import com.crossdock.tenantconfig.workbook.WorkbookListener;
import com.crossdock.tenantconfig.workbook.WorkbookReader;
import com.crossdock.tenantconfig.workbook.WorkbookTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The catalog workbook of a tenant: upload (kept as received, read, staged and checked), a dry-run preview of what
 * it would change, the error file, commit (all or nothing, or the valid items only) and export in the same format.
 * Uploading and committing can take a while; they report progress and are meant to run off the UI thread.
 */
@Service
public class CatalogWorkbookService {

    private static final String EDITORS = "hasAnyRole('PLATFORM_ADMIN', 'ACCOUNT_MANAGER', 'BRAND_ADMIN', 'BRAND_USER')";
    private static final int SAMPLE = 5;
    private static final int FIRST_PROBLEMS = 20;

    private final TenantService tenants;
    private final TenantTransactions transactions;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final StagedImport staged;
    private final ImportChecks checks;
    private final ImportPlan plan;
    private final ImportCommit commit;
    private final CatalogExport export;
    private final WorkbookProperties properties;
    private final Clock clock;
    private final CatalogService catalog;

    CatalogWorkbookService(TenantService tenants, TenantTransactions transactions, JdbcClient jdbc,
            JdbcTemplate jdbcTemplate, StagedImport staged, ImportChecks checks, ImportPlan plan, ImportCommit commit, CatalogExport export,
            WorkbookProperties properties, Clock clock, CatalogService catalog) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.staged = staged;
        this.checks = checks;
        this.plan = plan;
        this.commit = commit;
        this.export = export;
        this.properties = properties;
        this.clock = clock;
    }

    /** The largest file an upload may be, in bytes. */
    public long maxUploadBytes() {
        return properties.maxFileBytes();
    }

    /** Whether the signed-in person may import (leadership reads and exports only). */
    @PreAuthorize("isAuthenticated()")
    public boolean canImport() {
        return CurrentUser.require().roles().stream()
                .anyMatch(role -> role != com.crossdock.portal.identity.Role.LEADERSHIP_VIEWER);
    }

    /**
     * Keeps the uploaded file, reads it into staging, checks every row and answers what a commit would change.
     * Nothing in the catalog changes. A file that cannot be read at all comes back {@link ImportStatus#REJECTED}
     * with the reasons as problems.
     */
    @PreAuthorize(EDITORS)
    public ImportPreview upload(TenantId tenant, Path file, String fileName, ImportProgress progress) {
        requireAccess(tenant);
        UUID id = UUID.randomUUID();
        String actor = CurrentUser.actor();
        long size = size(file);
        progress.report(ImportPhase.UPLOAD, 0, "Keeping " + fileName);
        transactions.writeAll(tenant, () -> keep(id, file, fileName, size, actor));
        Staging staging = new Staging(tenant, id, progress);
        try (staging) {
            new WorkbookReader(limits()).read(file, fileName, staging);
            staging.finish();
        } catch (WorkbookFormatException unreadable) {
            reject(tenant, id, staging, unreadable.problems());
            return preview(tenant, id);
        } catch (IOException | RuntimeException failure) {
            reject(tenant, id, staging, List.of("The upload stopped: " + failure.getMessage()
                    + ". Nothing was imported; try again, and tell support if it happens again."));
            throw failure instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) failure;
        }
        transactions.writeAll(tenant, () -> {
            progress.report(ImportPhase.VALIDATE, 0.6, "Indexing the staged rows");
            staged.load(id);
            checks.run(id, done -> progress.report(ImportPhase.VALIDATE,
                    0.6 + 0.4 * done / ImportChecks.steps(), "Check " + done + " of " + ImportChecks.steps()));
            jdbc.sql("""
                    UPDATE catalog_import SET rows_read = :rows, notices = :notices,
                    problems = (SELECT count(*) FROM catalog_import_problem WHERE import_id = :id)
                    WHERE id = :id""").param("id", id).param("rows", staging.rowsRead)
                    .param("notices", String.join("\n", staging.notices)).update();
        });
        progress.report(ImportPhase.VALIDATE, 0.99, "Comparing with the catalog");
        ImportPreview preview = preview(tenant, id);
        progress.report(ImportPhase.DONE, 1, "Ready to review");
        return preview;
    }

    /** What the staged import would change if committed now. */
    @PreAuthorize("isAuthenticated()")
    public ImportPreview preview(TenantId tenant, UUID importId) {
        requireAccess(tenant);
        return transactions.write(tenant, () -> {
            ImportSummary summary = summary(importId);
            List<String> notices = jdbc.sql("SELECT notices FROM catalog_import WHERE id = :id")
                    .param("id", importId).query(String.class).single().lines().filter(line -> !line.isBlank())
                    .toList();
            List<ImportProblem> first = problems(importId, FIRST_PROBLEMS);
            if (summary.status() != ImportStatus.STAGED) {
                return new ImportPreview(importId, summary.fileName(), summary.status(), summary.createdAt(),
                        summary.rowsRead(), summary.problems(), notices, java.util.Map.of(), java.util.Map.of(),
                        java.util.Map.of(), first);
            }
            staged.load(importId);
            plan.build(importId);
            return new ImportPreview(importId, summary.fileName(), summary.status(), summary.createdAt(),
                    summary.rowsRead(), summary.problems(), notices, plan.counts("ITEM"), plan.counts("BUNDLE"),
                    plan.samples(SAMPLE), first);
        });
    }

    /**
     * Writes the staged import into the catalog. {@link CommitMode#ALL_OR_NOTHING} refuses when any row has a
     * problem; {@link CommitMode#VALID_ROWS} writes the items and bundles without problems and holds back the rest
     * whole. Either way the catalog changes in one transaction.
     */
    @PreAuthorize(EDITORS)
    public ImportSummary commit(TenantId tenant, UUID importId, CommitMode mode, ImportProgress progress) {
        requireAccess(tenant);
        Objects.requireNonNull(mode, "mode");
        String actor = CurrentUser.actor();
        Instant now = clock.instant();
        OwnershipCheck items = catalog.ownership(tenant, DataType.MASTER_SKU_DATA);
        OwnershipCheck bundles = catalog.ownership(tenant, DataType.BUNDLE_DEFINITION);
        try {
            return transactions.write(tenant, () -> {
                ImportSummary summary = lockStaged(importId);
                if (mode == CommitMode.ALL_OR_NOTHING && summary.problems() > 0) {
                    throw new ImportRefusedException("Nothing was written: " + summary.problems()
                            + " problem(s) are listed in the error file. Fix them and upload again, or choose to "
                            + "apply the valid rows only.");
                }
                progress.report(ImportPhase.COMMIT, 0.05, "Comparing with the catalog");
                staged.load(importId);
                progress.report(ImportPhase.COMMIT, 0.08, "Planning the changes");
                plan.build(importId);
                requireOwner(items, plan.counts("ITEM"), "item");
                requireOwner(bundles, plan.counts("BUNDLE"), "bundle");
                String result = describe(plan.counts("ITEM"), plan.counts("BUNDLE"));
                commit.write(importId, now, actor, done -> progress.report(ImportPhase.COMMIT,
                        0.1 + 0.85 * done / ImportCommit.steps(), "Step " + done + " of " + ImportCommit.steps()));
                jdbc.sql("""
                        UPDATE catalog_import SET status = 'COMMITTED', commit_mode = :mode, committed_at = :now,
                        committed_by = :actor, result_summary = :result WHERE id = :id""")
                        .param("id", importId).param("mode", mode.name()).param("now", Timestamp.from(now))
                        .param("actor", actor).param("result", result).update();
                progress.report(ImportPhase.COMMIT, 0.96, "Clearing the staged rows");
                jdbc.sql("DELETE FROM catalog_import_row WHERE import_id = :id").param("id", importId).update();
                supersedeOtherStagedImports(importId, summary.fileName());
                progress.report(ImportPhase.DONE, 1, result);
                return summary(importId);
            });
        } catch (DataIntegrityViolationException conflict) {
            throw new ImportRefusedException("Nothing was written: the catalog changed since the preview ("
                    + rootMessage(conflict) + "). Upload the workbook again to see the current differences.",
                    conflict);
        }
    }

    /** Refuses the commit when it would change data of a kind the tenant's source of truth gives to another system. */
    private static void requireOwner(OwnershipCheck check, java.util.Map<ImportChange, Long> changes, String kind) {
        long changing = changes.getOrDefault(ImportChange.NEW, 0L) + changes.getOrDefault(ImportChange.CHANGED, 0L);
        if (changing > 0 && !check.allowed()) {
            throw new ImportRefusedException("Nothing was written: " + check.refusal("an import of " + changing
                    + " new or changed " + kind + "(s)"));
        }
    }

    /**
     * Other uploads still waiting were compared with the catalog as it was before this commit; their previews are
     * stale, so they are discarded with a note rather than left to be committed on a wrong basis.
     */
    private void supersedeOtherStagedImports(UUID committed, String fileName) {
        jdbc.sql("""
                DELETE FROM catalog_import_row r USING catalog_import i
                WHERE r.import_id = i.id AND i.status = 'STAGED' AND i.id <> :id""").param("id", committed).update();
        jdbc.sql("""
                UPDATE catalog_import SET status = 'DISCARDED', result_summary = :note
                WHERE status = 'STAGED' AND id <> :id""").param("id", committed)
                .param("note", clip("Superseded: " + fileName + " was committed after this upload; upload it again "
                        + "to compare with the catalog as it is now")).update();
    }

    /** Drops a staged import that will not be committed; the file and its problems stay on record. */
    @PreAuthorize(EDITORS)
    public void discard(TenantId tenant, UUID importId) {
        requireAccess(tenant);
        transactions.writeAll(tenant, () -> {
            lockStaged(importId);
            jdbc.sql("UPDATE catalog_import SET status = 'DISCARDED' WHERE id = :id").param("id", importId).update();
            jdbc.sql("DELETE FROM catalog_import_row WHERE import_id = :id").param("id", importId).update();
        });
    }

    /** The problems of an import as a CSV a spreadsheet opens: sheet, row, column, value, reason. */
    @PreAuthorize("isAuthenticated()")
    public void writeErrorFile(TenantId tenant, UUID importId, OutputStream out) {
        requireAccess(tenant);
        transactions.read(tenant, () -> {
            summary(importId);
            try (ErrorFile file = new ErrorFile(out)) {
                jdbc.sql("""
                        SELECT sheet, row_no, column_name, cell_value, reason FROM catalog_import_problem
                        WHERE import_id = :id ORDER BY sheet = 'FILE' DESC, sheet, row_no, id""")
                        .param("id", importId).query(rs -> {
                            file.write(new ImportProblem(ImportProblem.title(rs.getString(1)), rs.getLong(2),
                                    rs.getString(3), rs.getString(4), rs.getString(5)));
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** The tenant's catalog as a workbook in {@code format}; importing it back changes nothing. */
    @PreAuthorize("isAuthenticated()")
    public void export(TenantId tenant, WorkbookFormat format, OutputStream out) {
        requireAccess(tenant);
        transactions.read(tenant, () -> {
            export.write(format, out);
            return null;
        });
    }

    /** An empty workbook with example rows and, in XLSX, a sheet explaining every column. */
    @PreAuthorize("isAuthenticated()")
    public void template(WorkbookFormat format, OutputStream out) {
        try {
            WorkbookTemplate.write(format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tenant's latest imports, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<ImportSummary> recentImports(TenantId tenant, int limit) {
        requireAccess(tenant);
        return transactions.read(tenant, () -> jdbc.sql(SUMMARY + " ORDER BY created_at DESC LIMIT :limit")
                .param("limit", limit).query(CatalogWorkbookService::summaryOf).list());
    }

    private static final String SUMMARY = """
            SELECT id, file_name, status, created_at, created_by, rows_read, problems, result_summary
            FROM catalog_import""";

    private ImportSummary summary(UUID importId) {
        return jdbc.sql(SUMMARY + " WHERE id = :id").param("id", Objects.requireNonNull(importId, "import"))
                .query(CatalogWorkbookService::summaryOf).optional()
                .orElseThrow(() -> new ImportRefusedException("There is no such import"));
    }

    private ImportSummary lockStaged(UUID importId) {
        jdbc.sql("SELECT id FROM catalog_import WHERE id = :id FOR UPDATE").param("id", importId).query().listOfRows();
        ImportSummary summary = summary(importId);
        if (summary.status() != ImportStatus.STAGED) {
            throw new ImportRefusedException("This import is already " + summary.status().name().toLowerCase()
                    + "; upload the workbook again to import it.");
        }
        boolean rowsStaged = jdbc.sql("SELECT EXISTS (SELECT 1 FROM catalog_import_row WHERE import_id = :id)")
                .param("id", importId).query(Boolean.class).single();
        if (!rowsStaged && summary.rowsRead() > summary.problems()) {
            throw new ImportRefusedException("The staged rows of this upload were lost when the database restarted. "
                    + "Nothing was written; upload the workbook again.");
        }
        return summary;
    }

    private static ImportSummary summaryOf(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ImportSummary(rs.getObject(1, UUID.class), rs.getString(2), ImportStatus.valueOf(rs.getString(3)),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8));
    }

    private List<ImportProblem> problems(UUID importId, int limit) {
        return jdbc.sql("""
                SELECT sheet, row_no, column_name, cell_value, reason FROM catalog_import_problem
                WHERE import_id = :id ORDER BY sheet = 'FILE' DESC, sheet, row_no, id LIMIT :limit""")
                .param("id", importId).param("limit", limit)
                .query((rs, n) -> new ImportProblem(ImportProblem.title(rs.getString(1)), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private void keep(UUID id, Path file, String fileName, long size, String actor) {
        try (InputStream content = Files.newInputStream(file)) {
            jdbcTemplate.update(connection -> {
                var insert = connection.prepareStatement("""
                        INSERT INTO catalog_import (tenant_id, id, file_name, file_size, content, status, created_at,
                                                    created_by)
                        VALUES (crossdock_current_tenant(), ?, ?, ?, ?, 'STAGED', ?, ?)""");
                insert.setObject(1, id);
                insert.setString(2, fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
                insert.setLong(3, size);
                insert.setBinaryStream(4, content, size);
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                insert.setString(6, actor);
                return insert;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file " + fileName, e);
        }
    }

    private void reject(TenantId tenant, UUID id, Staging staging, List<String> reasons) {
        transactions.writeAll(tenant, () -> {
            jdbc.sql("DELETE FROM catalog_import_row WHERE import_id = :id").param("id", id).update();
            jdbc.sql("DELETE FROM catalog_import_problem WHERE import_id = :id").param("id", id).update();
            for (String reason : reasons) {
                jdbc.sql("""
                        INSERT INTO catalog_import_problem (tenant_id, import_id, sheet, row_no, sku, column_name,
                                                            cell_value, reason)
                        VALUES (crossdock_current_tenant(), :id, 'FILE', 0, '', '', '', :reason)""")
                        .param("id", id).param("reason", clip(reason)).update();
            }
            jdbc.sql("""
                    UPDATE catalog_import SET status = 'REJECTED', rows_read = :rows, notices = :notices,
                    problems = :problems WHERE id = :id""").param("id", id).param("rows", staging.rowsRead)
                    .param("notices", String.join("\n", staging.notices)).param("problems", reasons.size()).update();
        });
    }

    private WorkbookLimits limits() {
        WorkbookLimits defaults = WorkbookLimits.defaults();
        return new WorkbookLimits(properties.maxRows(), properties.maxFileBytes(),
                defaults.maxUncompressedBytes(), defaults.maxCellLength());
    }

    private static String describe(java.util.Map<ImportChange, Long> items,
            java.util.Map<ImportChange, Long> bundles) {
        return "%d new and %d changed item(s), %d new and %d changed bundle(s); %d item(s) and %d bundle(s) held back"
                .formatted(items.getOrDefault(ImportChange.NEW, 0L), items.getOrDefault(ImportChange.CHANGED, 0L),
                        bundles.getOrDefault(ImportChange.NEW, 0L), bundles.getOrDefault(ImportChange.CHANGED, 0L),
                        items.getOrDefault(ImportChange.INVALID, 0L), bundles.getOrDefault(ImportChange.INVALID, 0L));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file", e);
        }
    }

    private static String clip(String text) {
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
        int detail = message.indexOf("Detail:");
        return (detail >= 0 ? message.substring(detail + 7) : message.lines().findFirst().orElse(message)).strip();
    }

    private void requireAccess(TenantId tenant) {
        tenants.requireOpen(tenant);
    }

    /**
     * Hears the reader and writes rows and problems to staging in batches, each batch its own transaction. Batches
     * are written on a second thread while reading goes on, at most two in flight, so reading and PostgreSQL work
     * side by side and memory stays bounded; the first failure of a write stops the upload.
     */
    private final class Staging implements WorkbookListener, AutoCloseable {

        private final TenantId tenant;
        private final UUID importId;
        private final ImportProgress progress;
        private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors
                .newSingleThreadExecutor(Thread.ofVirtual().name("import-staging").factory());
        private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(2);
        private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        private StagedRows rows = new StagedRows();
        private List<RowProblem> problems = new ArrayList<>();
        private final List<String> notices = new ArrayList<>();
        private long rowsRead;
        private @org.jspecify.annotations.Nullable RowProblem lastProblem;

        Staging(TenantId tenant, UUID importId, ImportProgress progress) {
            this.tenant = tenant;
            this.importId = importId;
            this.progress = progress;
        }

        @Override
        public void row(CatalogRow row) {
            rowsRead++;
            rows.add(row);
            if (rows.size() >= properties.stagingBatch()) {
                flush();
            }
        }

        @Override
        public void problem(RowProblem problem) {
            if (lastProblem == null || lastProblem.row() != problem.row() || lastProblem.sheet() != problem.sheet()) {
                rowsRead++;
            }
            lastProblem = problem;
            problems.add(problem);
            if (problems.size() >= properties.stagingBatch()) {
                flush();
            }
        }

        @Override
        public void notice(String notice) {
            notices.add(notice);
        }

        @Override
        public void progress(long bytesRead, long totalBytes) {
            progress.report(ImportPhase.PARSE, totalBytes <= 0 ? 0.1 : 0.05 + 0.55 * bytesRead / totalBytes,
                    "Read %,d rows".formatted(rowsRead));
        }

        /** Writes what is left and waits until every batch is in. */
        void finish() {
            flush();
            inFlight.acquireUninterruptibly(2);
            inFlight.release(2);
            throwIfFailed();
        }

        /** Lets the batches in flight finish, so a rejection that follows deletes everything they wrote. */
        @Override
        public void close() {
            writer.shutdown();
            inFlight.acquireUninterruptibly(2);
            inFlight.release(2);
        }

        private void flush() {
            throwIfFailed();
            StagedRows batch = rows;
            List<RowProblem> batchProblems = problems;
            rows = new StagedRows();
            problems = new ArrayList<>();
            inFlight.acquireUninterruptibly();
            writer.execute(() -> {
                try {
                    transactions.writeAll(tenant, () -> jdbcTemplate.execute((java.sql.Connection connection) -> {
                        batch.flush(connection, importId);
                        StagedProblems.flush(connection, importId, batchProblems);
                        return null;
                    }));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }

        private void throwIfFailed() {
            RuntimeException first = failure.get();
            if (first != null) {
                throw first;
            }
        }
    }
}
