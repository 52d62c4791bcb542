package com.crossdock.portal.receiving.ui;

import com.crossdock.portal.receiving.DiscrepancyResolution;
import com.crossdock.portal.receiving.InboundShipmentView;
import com.crossdock.portal.receiving.InboundStatus;
import com.crossdock.portal.receiving.ReceivingDiscrepancyView;
import com.crossdock.portal.receiving.ReceivingService;
import com.crossdock.portal.receiving.ReceivingValidationException;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receiving: the selected brand's inbound shipments to its warehouse with status and how much arrived, a "New inbound
 * shipment" form, "Send to warehouse" (the next exchange announces it with a 943), and the receiving discrepancies
 * the warehouse's 944s revealed, each resolved with its root cause.
 */
@Route("receiving")
@PageTitle("Receiving · Crossdock")
@PermitAll
public class ReceivingView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ReceivingView.class);

    /** A discrepancy with the shipment it belongs to, for the discrepancies grid. */
    private record Row(String shipment, ReceivingDiscrepancyView discrepancy) {
    }

    private final ReceivingService receiving;
    private final TenantSelection selection;
    private final Grid<InboundShipmentView> shipments = new Grid<>();
    private final Grid<Row> discrepancies = new Grid<>();
    private final Div shipmentsEmpty = new Div();
    private final Div discrepanciesEmpty = new Div();
    private final Button create = new Button("New inbound shipment");
    private final Upload upload = new Upload();
    private @Nullable TenantId tenant;

    ReceivingView(ReceivingService receiving, TenantSelection selection) {
        this.receiving = receiving;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();
        create.setId("receiving-new");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(click -> openForm());
        configureUpload();
        configureShipments();
        configureDiscrepancies();
        HorizontalLayout bar = new HorizontalLayout(create, upload);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        add(bar, shipmentsEmpty, shipments, new H3("Receiving discrepancies"), discrepanciesEmpty, discrepancies);
    }

    /**
     * A CSV file from the brand's own system (one row per SKU, rows of one reference make one shipment), or an X12
     * 856 ship notice from the brand or its supplier (one shipment per notice).
     */
    private void configureUpload() {
        upload.setId("receiving-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", ".txt", ".edi", ".x12", ".856");
        upload.setMaxFileSize(ReceivingService.MAX_CSV_BYTES);
        upload.setUploadButton(new Button("Upload CSV or 856"));
        upload.setDropLabel(new Span("CSV columns: reference, carrier, expected_on, sku, quantity; or an X12 856"));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            upload.clearFileList();
            try {
                List<InboundShipmentView> created = receiving.importCsv(currentTenant(), metadata.fileName(),
                        bytes);
                Notices.success(created.size() + (created.size() == 1 ? " shipment" : " shipments") + " created "
                        + "from " + metadata.fileName() + ". Send each to the warehouse when it leaves.");
            } catch (ReceivingValidationException refused) {
                Notices.error(String.join("; ", refused.fieldErrors().values()));
            } catch (RuntimeException e) {
                log.warn("Importing inbound shipments from {} failed", metadata.fileName(), e);
                Notices.error(FailureMessages.explain(e));
            }
            reload();
        }))));
        upload.addFileRejectedListener(rejected -> Notices.error(rejected.getErrorMessage()));
    }

    private void configureShipments() {
        shipments.setId("receiving-grid");
        shipments.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        shipments.addColumn(InboundShipmentView::reference).setHeader("Reference").setAutoWidth(true);
        shipments.addColumn(InboundShipmentView::carrier).setHeader("Carrier").setAutoWidth(true);
        shipments.addColumn(InboundShipmentView::expectedOn).setHeader("Expected").setAutoWidth(true);
        shipments.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true);
        shipments.addColumn(s -> s.receivedUnits() + " of " + s.expectedUnits() + " units" + (s.lines().size() > 1
                ? " · " + s.lines().size() + " SKUs" : "")).setHeader("Received").setAutoWidth(true);
        shipments.addComponentColumn(this::sendButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        shipments.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::lines));
        shipments.setAllRowsVisible(true);
    }

    /** A shipment's lines (shown when its row is selected): SKU, lot and expiry, units announced and received. */
    private Component lines(InboundShipmentView shipment) {
        Div lines = new Div();
        lines.addClassName("inbound-lines");
        for (InboundShipmentView.Line line : shipment.lines()) {
            Div row = new Div(line.sku() + (line.lot().isEmpty() ? "" : " · lot " + line.lot())
                    + (line.expiryOn() == null ? "" : " · expires " + line.expiryOn()) + ": " + line.received()
                    + " of " + line.expected() + " received" + (line.damaged() > 0 ? ", " + line.damaged()
                    + " damaged" : ""));
            row.addClassName("inbound-line");
            lines.add(row);
        }
        return lines;
    }

    private void configureDiscrepancies() {
        discrepancies.setId("discrepancy-grid");
        discrepancies.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        discrepancies.addColumn(Row::shipment).setHeader("Shipment").setAutoWidth(true);
        discrepancies.addColumn(row -> row.discrepancy().sku()).setHeader("SKU").setAutoWidth(true);
        discrepancies.addComponentColumn(row -> {
            Span kind = Badge.of(words(row.discrepancy().kind().name()), Badge.Tone.WARNING);
            kind.addClassName("discrepancy-kind");
            kind.getElement().setAttribute("data-kind", row.discrepancy().kind().name());
            return kind;
        }).setHeader("Kind").setAutoWidth(true);
        discrepancies.addColumn(row -> row.discrepancy().expected()).setHeader("Expected").setAutoWidth(true);
        discrepancies.addColumn(row -> row.discrepancy().received()).setHeader("Received / damaged")
                .setAutoWidth(true);
        discrepancies.addColumn(row -> row.discrepancy().detail()).setHeader("Detail").setFlexGrow(1);
        discrepancies.addComponentColumn(this::resolution).setHeader("Root cause").setFlexGrow(2);
        discrepancies.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        reload();
    }

    private void reload() {
        boolean editor = receiving.canEdit();
        create.setVisible(tenant != null && editor);
        upload.setVisible(tenant != null && editor);
        if (tenant == null) {
            EmptyState.showInstead(shipmentsEmpty, shipments,
                    "No tenant is selected. Pick one in the tenant switcher.");
            EmptyState.showInstead(discrepanciesEmpty, discrepancies,
                    "Pick a tenant to see its receiving discrepancies.");
            return;
        }
        List<InboundShipmentView> all;
        try {
            all = receiving.shipments(tenant);
        } catch (RuntimeException e) {
            log.warn("Loading the inbound shipments failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        if (all.isEmpty()) {
            EmptyState.showInstead(shipmentsEmpty, shipments,
                    editor ? "No inbound shipments yet. Create one with \"New inbound "
                    + "shipment\" (reference, carrier, expected date and the SKUs you send) or upload a CSV of them "
                    + "from your own system, then \"Send to "
                    + "warehouse\": the next exchange announces it to the warehouse as a 943."
                    : "No inbound shipments yet. The brand's people create them here and send them to the warehouse.");
        } else {
            EmptyState.hide(shipmentsEmpty, shipments);
            shipments.setItems(all);
        }
        List<Row> rows = all.stream().flatMap(s -> s.discrepancies().stream().map(d -> new Row(s.reference(), d)))
                .toList();
        if (rows.isEmpty()) {
            EmptyState.showInstead(discrepanciesEmpty, discrepancies,
                    "No receiving discrepancies. When the warehouse reports more, "
                    + "fewer or damaged units than a shipment announced, they show here to resolve.");
        } else {
            EmptyState.hide(discrepanciesEmpty, discrepancies);
            discrepancies.setItems(rows);
        }
    }

    private Component status(InboundShipmentView shipment) {
        String text = shipment.status() == InboundStatus.DRAFT && shipment.ready() ? "Waiting for the exchange"
                : words(shipment.status().name());
        Span badge = Badge.of(text, switch (shipment.status()) {
            case DRAFT -> Badge.Tone.NEUTRAL;
            case SENT, IN_TRANSIT, ARRIVED -> Badge.Tone.PRIMARY;
            case RECEIVING -> Badge.Tone.WARNING;
            case RECEIVED_WITH_DISCREPANCIES -> shipment.openDiscrepancies() > 0 ? Badge.Tone.WARNING
                    : Badge.Tone.SUCCESS;
            case RECEIVED, CLOSED -> Badge.Tone.SUCCESS;
        });
        badge.addClassName("inbound-status");
        badge.getElement().setAttribute("data-status", shipment.status().name());
        return badge;
    }

    private Component sendButton(InboundShipmentView shipment) {
        if (!receiving.canEdit()) {
            return new Span();
        }
        @Nullable InboundStatus next = switch (shipment.status()) {
            case SENT -> InboundStatus.IN_TRANSIT;
            case IN_TRANSIT -> InboundStatus.ARRIVED;
            case RECEIVED -> InboundStatus.CLOSED;
            case RECEIVED_WITH_DISCREPANCIES -> shipment.openDiscrepancies() == 0 ? InboundStatus.CLOSED : null;
            default -> null;
        };
        if (next != null) {
            return advanceButton(shipment, next);
        }
        if (shipment.status() != InboundStatus.DRAFT || shipment.ready()) {
            return new Span();
        }
        Button send = new Button("Send to warehouse", click -> {
            try {
                receiving.sendToWarehouse(currentTenant(), shipment.id());
                Notices.success(shipment.reference() + " goes to the warehouse with the next exchange");
            } catch (ReceivingValidationException refused) {
                Notices.error(String.join("; ", refused.fieldErrors().values()));
            } catch (RuntimeException e) {
                log.warn("Sending inbound shipment {} failed", shipment.reference(), e);
                Notices.error(FailureMessages.explain(e));
            }
            reload();
        });
        send.addClassName("receiving-send");
        send.addThemeVariants(ButtonVariant.SMALL);
        return send;
    }

    private Component advanceButton(InboundShipmentView shipment, InboundStatus next) {
        String label = switch (next) {
            case IN_TRANSIT -> "Mark in transit";
            case ARRIVED -> "Mark arrived";
            default -> "Close";
        };
        Button advance = new Button(label, click -> {
            try {
                receiving.advance(currentTenant(), shipment.id(), next);
                Notices.success(shipment.reference() + ": " + words(next.name()).toLowerCase(Locale.ROOT));
            } catch (ReceivingValidationException refused) {
                Notices.error(String.join("; ", refused.fieldErrors().values()));
            } catch (RuntimeException e) {
                log.warn("Moving inbound shipment {} to {} failed", shipment.reference(), next, e);
                Notices.error(FailureMessages.explain(e));
            }
            reload();
        });
        advance.addClassName("receiving-advance");
        advance.getElement().setAttribute("data-to", next.name());
        advance.addThemeVariants(ButtonVariant.SMALL);
        return advance;
    }

    private Component resolution(Row row) {
        ReceivingDiscrepancyView discrepancy = row.discrepancy();
        if (discrepancy.resolved()) {
            return new Span((discrepancy.resolution() == null ? "" : words(discrepancy.resolution().name()) + ": ")
                    + discrepancy.note() + (discrepancy.resolvedBy() == null ? "" : " (" + discrepancy.resolvedBy()
                    + (discrepancy.resolvedAt() == null ? "" : ", " + java.time.format.DateTimeFormatter
                            .ISO_LOCAL_DATE.format(discrepancy.resolvedAt().atZone(java.time.ZoneOffset.UTC)))
                    + ")"));
        }
        if (!receiving.canEdit()) {
            return new Span("Open");
        }
        Button resolve = new Button("Resolve", click -> openResolve(row));
        resolve.addClassName("discrepancy-resolve");
        resolve.addThemeVariants(ButtonVariant.SMALL);
        return resolve;
    }

    private void openForm() {
        InboundShipmentForm[] form = new InboundShipmentForm[1];
        form[0] = new InboundShipmentForm(command -> {
            try {
                InboundShipmentView created = receiving.create(currentTenant(), command);
                form[0].close();
                Notices.success("Shipment " + created.reference() + " created. Send it to the warehouse when it "
                        + "leaves.");
                reload();
            } catch (ReceivingValidationException refused) {
                form[0].showErrors(refused.fieldErrors());
            } catch (RuntimeException e) {
                log.warn("Creating an inbound shipment failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        form[0].open();
    }

    private void openResolve(Row row) {
        Dialog dialog = new Dialog();
        dialog.setId("discrepancy-dialog");
        dialog.setHeaderTitle("Resolve: " + words(row.discrepancy().kind().name()) + " " + row.discrepancy().sku()
                + " on " + row.shipment());
        RadioButtonGroup<DiscrepancyResolution> how = new RadioButtonGroup<>("Settled by");
        how.setId("discrepancy-resolution");
        how.setItems(DiscrepancyResolution.values());
        how.setItemLabelGenerator(resolution -> switch (resolution) {
            case ACCEPT -> "Accept as received";
            case CLAIM -> "Claim from supplier or carrier";
            case ADJUST -> "Adjust (a count or booking was wrong)";
        });
        how.setValue(DiscrepancyResolution.ACCEPT);
        TextArea note = new TextArea("Root cause");
        note.setId("discrepancy-note");
        note.setHelperText("What caused it and what was done, e.g. \"supplier packed 9, credit note requested\"");
        note.setWidthFull();
        dialog.add(new VerticalLayout(how, note));
        Button save = new Button("Resolve", click -> {
            try {
                receiving.resolve(currentTenant(), row.discrepancy().id(), how.getValue(), note.getValue());
                dialog.close();
                reload();
            } catch (ReceivingValidationException refused) {
                note.setInvalid(true);
                note.setErrorMessage(String.join("; ", refused.fieldErrors().values()));
            } catch (RuntimeException e) {
                log.warn("Resolving a discrepancy failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("discrepancy-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private TenantId currentTenant() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected");
        }
        return tenant;
    }

    private static String words(String code) {
        String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
