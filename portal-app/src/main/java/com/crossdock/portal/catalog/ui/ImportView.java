package com.crossdock.portal.catalog.ui;

import com.crossdock.portal.catalog.workbook.CatalogWorkbookService;
import com.crossdock.portal.catalog.workbook.CommitMode;
import com.crossdock.portal.catalog.workbook.ImportChange;
import com.crossdock.portal.catalog.workbook.ImportPreview;
import com.crossdock.portal.catalog.workbook.ImportProblem;
import com.crossdock.portal.catalog.workbook.ImportRefusedException;
import com.crossdock.portal.catalog.workbook.ImportStatus;
import com.crossdock.portal.catalog.workbook.ImportSummary;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.workbook.WorkbookFormat;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.File;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;

/**
 * Import and export of the selected tenant's catalog workbook: templates, upload with a progress bar, the dry-run
 * preview with the error file, commit, and the import history.
 */
@Route("catalog/import")
@PageTitle("Import & export · Crossdock")
@PermitAll
public class ImportView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    /** Imports run off the UI thread, as the signed-in person. */
    private static final Executor WORKERS = Executors.newVirtualThreadPerTaskExecutor();

    private final CatalogWorkbookService workbooks;
    private final TenantSelection selection;
    private final Div content = new Div();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span progressText = new Span();
    private final Div preview = new Div();
    private final Grid<ImportSummary> history = new Grid<>();
    private @Nullable TenantId tenant;

    ImportView(CatalogWorkbookService workbooks, TenantSelection selection) {
        this.workbooks = workbooks;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        content.setWidthFull();
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        content.removeAll();
        if (tenant == null) {
            content.add(EmptyState.of("import-no-tenant", "No tenant is selected. Pick one in the tenant switcher."));
            return;
        }
        content.add(downloads(tenant));
        if (workbooks.canImport()) {
            content.add(uploadCard(tenant));
        }
        preview.setId("import-preview");
        preview.setWidthFull();
        preview.setVisible(false);
        content.add(preview, historyCard(tenant));
        refreshHistory();
    }

    private Div downloads(TenantId current) {
        Div card = card("Templates and export");
        card.add(new Paragraph("New here? Download the template, fill in one row per item, pack, channel "
                + "identifier, bundle line and FBA prep, and upload it below. The export has the same columns, so "
                + "you can change the catalog in a spreadsheet and upload it again."));
        HorizontalLayout links = new HorizontalLayout(
                download("template-xlsx", "Template (Excel)", "crossdock-catalog-template.xlsx",
                        out -> workbooks.template(WorkbookFormat.XLSX, out)),
                download("template-csv", "Template (CSV files, zip)", "crossdock-catalog-template.zip",
                        out -> workbooks.template(WorkbookFormat.CSV_ZIP, out)),
                download("export-xlsx", "Export catalog (Excel)", "catalog.xlsx",
                        out -> workbooks.export(current, WorkbookFormat.XLSX, out)),
                download("export-csv", "Export catalog (CSV files, zip)", "catalog-csv.zip",
                        out -> workbooks.export(current, WorkbookFormat.CSV_ZIP, out)));
        links.setWrap(true);
        card.add(links);
        return card;
    }

    private Div uploadCard(TenantId current) {
        Div card = card("Upload a workbook");
        Upload upload = new Upload();
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".xlsx", ".csv", ".zip", ".txt");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, workbooks.maxUploadBytes()));
        upload.setUploadHandler(UploadHandler.toTempFile((metadata, file) -> getUI().ifPresent(ui -> ui.access(() -> {
            upload.clearFileList(); // the next workbook (the fixed one) may be dropped right away
            start(ui, current, file, metadata.fileName());
        }))));
        upload.addFileRejectedListener(rejected -> Notices.error(rejected.getErrorMessage()));
        Paragraph hint = new Paragraph("Excel (.xlsx), one CSV file, or a zip of CSV files, up to %,d MB. Nothing "
                .formatted(workbooks.maxUploadBytes() / 1024 / 1024) + "changes in the catalog until you have seen "
                + "the preview and committed it.");
        hint.addClassName("cd-muted");
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        progressText.addClassName("cd-muted");
        progress.setVisible(false);
        progressText.setVisible(false);
        card.add(hint, upload, progress, progressText);
        return card;
    }

    /** Reads and checks the uploaded file in the background, showing progress, then the preview. */
    private void start(UI ui, TenantId current, File file, String fileName) {
        preview.setVisible(false);
        runWithProgress(ui, () -> {
            try {
                return workbooks.upload(current, file.toPath(), fileName, (phase, fraction, detail) ->
                        ui.access(() -> showProgress(phase.label(), fraction, detail)));
            } finally {
                deleteQuietly(file);
            }
        }, this::showPreview, () -> { });
    }

    private <T> void runWithProgress(UI ui, Supplier<T> work, java.util.function.Consumer<T> done,
            Runnable failed) {
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setVisible(true);
        ui.setPollInterval(300);
        CompletableFuture.supplyAsync(work, new DelegatingSecurityContextExecutor(WORKERS))
                .whenComplete((result, failure) -> ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    progressText.setVisible(false);
                    if (failure != null) {
                        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                        log.warn("Catalog import step failed", cause);
                        Notices.error(cause instanceof ImportRefusedException refused ? refused.getMessage()
                                : FailureMessages.explain(cause));
                        failed.run();
                    } else {
                        done.accept(result);
                    }
                    refreshHistory();
                }));
    }

    private void showProgress(String phase, double fraction, String detail) {
        progress.setValue(Math.max(0, Math.min(1, fraction)));
        progressText.setText(phase + " · " + detail);
    }

    private void showPreview(ImportPreview result) {
        preview.removeAll();
        preview.setVisible(true);
        Div card = card(result.status() == ImportStatus.REJECTED ? "The file could not be read"
                : "Preview of " + result.fileName());
        card.getElement().setAttribute("data-status", result.status().name());
        if (!result.notices().isEmpty()) {
            UnorderedList notices = new UnorderedList(result.notices().stream().map(ListItem::new)
                    .toArray(ListItem[]::new));
            notices.setId("import-notices");
            card.add(notices);
        }
        if (result.status() == ImportStatus.STAGED) {
            card.add(counts(result));
        }
        if (result.problems() > 0) {
            card.add(problems(result));
        }
        if (result.status() == ImportStatus.STAGED) {
            card.add(commitBar(result));
        }
        preview.add(card);
        preview.scrollIntoView();
    }

    private Div counts(ImportPreview result) {
        Div counts = new Div();
        counts.setId("import-counts");
        Paragraph rows = new Paragraph("%,d row(s) read; %,d problem(s).".formatted(result.rowsRead(),
                result.problems()));
        rows.setId("import-rows");
        Div tiles = new Div();
        tiles.addClassName("cd-import-tiles");
        for (ImportChange change : ImportChange.values()) {
            long items = result.items().getOrDefault(change, 0L);
            long bundles = result.bundles().getOrDefault(change, 0L);
            Span number = new Span("%,d".formatted(items + bundles));
            number.addClassName("cd-import-tile-number");
            Span label = new Span(change.label());
            label.addClassName("cd-import-tile-label");
            List<String> sample = result.samples().getOrDefault(change, List.of());
            Span detail = new Span("%,d item(s), %,d bundle(s)%s".formatted(items, bundles,
                    sample.isEmpty() ? "" : " · e.g. " + String.join(", ", sample)));
            detail.addClassName("cd-import-tile-detail");
            Div tile = new Div(number, label, detail);
            tile.setId("import-count-" + change.name().toLowerCase(Locale.ROOT));
            tile.addClassName("cd-import-tile");
            tile.getElement().setAttribute("data-change", change.name());
            tile.getElement().setAttribute("data-items", Long.toString(items));
            tile.getElement().setAttribute("data-bundles", Long.toString(bundles));
            tiles.add(tile);
        }
        counts.add(rows, tiles);
        return counts;
    }

    private Div problems(ImportPreview result) {
        Div box = new Div();
        H3 title = new H3(result.problems() == 1 ? "1 problem" : "%,d problems".formatted(result.problems()));
        title.setId("import-problem-count");
        Grid<ImportProblem> grid = new Grid<>();
        grid.setId("import-problems");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(ImportProblem::sheet).setHeader("Sheet").setAutoWidth(true);
        grid.addColumn(problem -> problem.row() == 0 ? "" : Long.toString(problem.row())).setHeader("Row")
                .setAutoWidth(true);
        grid.addColumn(ImportProblem::column).setHeader("Column").setAutoWidth(true);
        grid.addColumn(ImportProblem::value).setHeader("Value").setAutoWidth(true);
        grid.addColumn(ImportProblem::reason).setHeader("What to fix").setFlexGrow(3);
        grid.setItems(result.firstProblems());
        grid.setAllRowsVisible(true);
        TenantId current = requireTenant();
        Anchor errors = download("import-error-file", "Download the error file (CSV)",
                "errors-" + baseName(result.fileName()) + ".csv",
                out -> workbooks.writeErrorFile(current, result.id(), out));
        Paragraph more = new Paragraph(result.problems() > result.firstProblems().size()
                ? "The first %d are shown; the error file lists all of them with row, column and value."
                        .formatted(result.firstProblems().size())
                : "The error file lists them with row, column and value, to fix in your spreadsheet.");
        more.addClassName("cd-muted");
        box.add(title, more, errors, grid);
        return box;
    }

    private HorizontalLayout commitBar(ImportPreview result) {
        RadioButtonGroup<CommitMode> mode = new RadioButtonGroup<>("When rows have problems");
        mode.setId("import-mode");
        mode.setItems(CommitMode.values());
        mode.setItemLabelGenerator(choice -> choice == CommitMode.ALL_OR_NOTHING
                ? "All or nothing: write nothing until every row is right"
                : "Apply the valid rows: write the items without problems, hold back the rest whole");
        mode.setValue(CommitMode.ALL_OR_NOTHING);
        Button commit = new Button(result.changes() == 0 ? "Nothing to commit" : "Commit %,d change(s)"
                .formatted(result.changes()), VaadinIcon.CHECK.create());
        commit.setId("import-commit");
        commit.addThemeVariants(ButtonVariant.PRIMARY);
        commit.setEnabled(result.changes() > 0);
        commit.addClickListener(click -> {
            UI ui = click.getSource().getUI().orElseThrow();
            TenantId current = requireTenant();
            commit.setEnabled(false);
            runWithProgress(ui, () -> workbooks.commit(current, result.id(), mode.getValue(),
                    (phase, fraction, detail) -> ui.access(() -> showProgress(phase.label(), fraction, detail))),
                    this::showCommitted, () -> commit.setEnabled(true));
        });
        Button discard = new Button("Discard", click -> {
            workbooks.discard(requireTenant(), result.id());
            preview.setVisible(false);
            refreshHistory();
            Notices.success("The upload was discarded; the catalog is unchanged.");
        });
        discard.setId("import-discard");
        HorizontalLayout bar = new HorizontalLayout(mode, commit, discard);
        bar.setAlignItems(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    private void showCommitted(ImportSummary summary) {
        preview.removeAll();
        Div card = card("Committed " + summary.fileName());
        card.setId("import-result");
        card.add(new Paragraph(summary.result()), new RouterLink("Check the catalog's data quality",
                DataQualityView.class));
        preview.add(card);
        Notices.success("Imported: " + summary.result());
    }

    private Div historyCard(TenantId current) {
        Div card = card("Recent imports");
        history.setId("import-history");
        history.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        history.addColumn(summary -> WHEN.format(summary.createdAt())).setHeader("When").setAutoWidth(true);
        history.addColumn(ImportSummary::createdBy).setHeader("By").setAutoWidth(true);
        history.addColumn(ImportSummary::fileName).setHeader("File").setFlexGrow(1);
        history.addColumn(summary -> summary.status().name().toLowerCase(Locale.ROOT)).setHeader("Status")
                .setWidth("120px").setFlexGrow(0);
        history.addColumn(summary -> "%,d rows, %,d problems".formatted(summary.rowsRead(), summary.problems()))
                .setHeader("Rows").setAutoWidth(true);
        history.addColumn(ImportSummary::result).setHeader("Result").setFlexGrow(2);
        history.setAllRowsVisible(true);
        Paragraph empty = new Paragraph("No imports yet. Your uploads, who made them and what they changed "
                + "will be listed here.");
        empty.setId("import-history-empty");
        empty.addClassName("cd-muted");
        card.add(empty, history);
        return card;
    }

    private void refreshHistory() {
        if (tenant == null) {
            return;
        }
        List<ImportSummary> recent = workbooks.recentImports(tenant, 10);
        history.setItems(recent);
        history.setVisible(!recent.isEmpty());
        history.getParent().ifPresent(parent -> parent.getChildren()
                .filter(child -> child.getId().filter("import-history-empty"::equals).isPresent())
                .forEach(child -> child.setVisible(recent.isEmpty())));
    }

    private TenantId requireTenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected");
        }
        return tenant;
    }

    private static Div card(String title) {
        Div card = new Div(new H3(title));
        card.addClassName("cd-card");
        card.setWidthFull();
        return card;
    }

    /** A link that streams a file the service writes. */
    private static Anchor download(String id, String text, String fileName, Body body) {
        Anchor anchor = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName);
            event.setContentType(contentType(fileName));
            body.writeTo(event.getOutputStream());
        }, text);
        anchor.setId(id);
        return anchor;
    }

    private static String contentType(String fileName) {
        if (fileName.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return fileName.endsWith(".zip") ? "application/zip" : "text/csv;charset=UTF-8";
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return (dot > 0 ? fileName.substring(0, dot) : fileName).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void deleteQuietly(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (java.io.IOException e) {
            log.warn("Could not delete the uploaded temporary file {}", file, e);
        }
    }

    /** Writes a download's content. */
    @FunctionalInterface
    private interface Body {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }
}
