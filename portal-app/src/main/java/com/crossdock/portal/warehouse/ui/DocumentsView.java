package com.crossdock.portal.warehouse.ui;

import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.AutoRefresh;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.portal.warehouse.WmsExchange;
import com.crossdock.portal.warehouse.WmsService;
import com.crossdock.portal.warehouse.WmsValidationException;
import com.crossdock.portal.warehouse.X12DocumentView;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The X12 documents the selected tenant exchanged with its warehouse: orders out (940), shipping advice and stock in
 * (945, 846), acknowledgements (997), with control numbers, what each was about and how it went; a document opens
 * with its segments one per line. Refreshes while open.
 */
@Route("documents")
@PageTitle("Documents · Crossdock")
@PermitAll
public class DocumentsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(DocumentsView.class);
    private static final int SHOWN = 300;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> TYPES = Map.of("940", "940 Shipping order", "945", "945 Shipping advice",
            "846", "846 Inventory", "997", "997 Acknowledgement", "944", "944 Receipt advice", "947",
            "947 Adjustment", "943", "943 Transfer", "856", "856 Ship notice");

    private final WmsService wms;
    private final TenantSelection selection;
    private final Grid<X12DocumentView> grid = new Grid<>();
    private final Div empty = new Div();
    private List<X12DocumentView> shown = new ArrayList<>();
    private @Nullable TenantId tenant;

    DocumentsView(WmsService wms, TenantSelection selection) {
        this.wms = wms;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();
        AutoRefresh.every(this, 5_000, this::reload);
        grid.setId("documents-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES);
        grid.addColumn(document -> WHEN.format(document.createdAt())).setHeader("When (UTC)").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(document -> Badge.of(document.direction().equals("OUTBOUND") ? "Out" : "In",
                document.direction().equals("OUTBOUND") ? Badge.Tone.PRIMARY : Badge.Tone.CONTRAST))
                .setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(document -> TYPES.getOrDefault(document.transactionSet(), document.transactionSet()))
                .setHeader("Document").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(document -> document.interchangeNo() + " · " + document.transactionNo())
                .setHeader("ISA · ST").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(document -> document.orderName() == null ? document.reference()
                : document.orderName() + " (" + document.reference() + ")").setHeader("About").setWidth("6em")
                .setFlexGrow(2);
        grid.addComponentColumn(document -> {
            Span status = Badge.of(words(document.status()), switch (document.status()) {
                case "APPLIED", "SENT" -> Badge.Tone.SUCCESS;
                case "REJECTED" -> Badge.Tone.ERROR;
                default -> Badge.Tone.NEUTRAL;
            });
            status.addClassName("document-status");
            status.getElement().setAttribute("data-status", document.status());
            status.getElement().setAttribute("data-set", document.transactionSet());
            return status;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(document -> {
            Span ack = Badge.of(document.ackStatus().equals("NONE") ? "—" : words(document.ackStatus()),
                    switch (document.ackStatus()) {
                        case "ACCEPTED" -> Badge.Tone.SUCCESS;
                        case "REJECTED", "OVERDUE" -> Badge.Tone.ERROR;
                        case "AWAITED" -> Badge.Tone.WARNING;
                        default -> Badge.Tone.NEUTRAL;
                    });
            ack.addClassName("document-ack");
            ack.getElement().setAttribute("data-ack", document.ackStatus());
            return ack;
        }).setHeader("997").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setSizeFull();
        empty.setWidthFull();
        Button asn = new Button("Ship notice (856) for an order…", VaadinIcon.TRUCK.create(),
                click -> openShipNotice());
        asn.setId("documents-asn");
        asn.setTooltipText("The 856 a retail partner expects for a shipped order, from the warehouse's 945s");
        add(asn, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        shown = new ArrayList<>();
        reload();
    }

    private void reload() {
        if (tenant == null) {
            showEmpty("No tenant is selected. Pick one in the tenant switcher.");
            return;
        }
        List<X12DocumentView> latest;
        try {
            latest = wms.documents(tenant, SHOWN);
        } catch (RuntimeException e) {
            log.warn("Loading the documents failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        if (latest.isEmpty()) {
            showEmpty("No documents yet. Once the brand has an account at a connected warehouse (Warehouse, for the "
                    + "3PL's staff), its released orders go out as 940s and the warehouse's 945s and 846s show here.");
            return;
        }
        empty.setVisible(false);
        grid.setVisible(true);
        if (!latest.equals(shown)) {
            shown = latest;
            grid.setItems(latest);
        }
    }

    private void showEmpty(String text) {
        empty.removeAll();
        empty.add(EmptyState.of("documents-empty", text));
        empty.setVisible(true);
        grid.setVisible(false);
    }

    private void open(X12DocumentView document) {
        Dialog dialog = new Dialog();
        dialog.setId("document-detail");
        dialog.setHeaderTitle(TYPES.getOrDefault(document.transactionSet(), document.transactionSet()) + " · "
                + (document.direction().equals("OUTBOUND") ? "to" : "from") + " the warehouse");
        dialog.setWidth("820px");
        Paragraph facts = new Paragraph("File " + document.fileName() + " · ISA " + document.interchangeNo()
                + " · GS " + document.groupNo() + " · ST " + document.transactionNo() + " · " + words(document.status())
                + (document.message().isBlank() ? "" : " · " + document.message()));
        facts.addClassName("cd-muted");
        Pre segments = new Pre(document.segments());
        segments.setId("document-segments");
        segments.addClassName("cd-payload");
        Details raw = new Details("Raw text", segments);
        Button close = new Button("Close", click -> dialog.close());
        dialog.add(facts, new SegmentTable(document.segments()), raw);
        if (document.direction().equals("INBOUND") && document.status().equals("REJECTED")) {
            Button reprocess = new Button("Reprocess", VaadinIcon.REFRESH.create(), click -> reprocess(document,
                    dialog));
            reprocess.setId("document-reprocess");
            reprocess.setTooltipText("Apply the file again, after fixing what it was rejected for");
            dialog.getFooter().add(reprocess);
        }
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void openShipNotice() {
        TenantId brand = tenant;
        if (brand == null) {
            Notices.error("Pick a brand in the tenant switcher first");
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setId("asn-dialog");
        dialog.setHeaderTitle("Ship notice (856) for a retail partner");
        dialog.setWidth("760px");
        TextField order = new TextField("Order");
        order.setId("asn-order");
        order.setPlaceholder("#1001");
        order.setHelperText("A shipped order: each carton the warehouse reported becomes a pack");
        TextField po = new TextField("Partner's PO number");
        po.setId("asn-po");
        po.setHelperText("Empty: the order's name");
        Select<String> qualifier = new Select<>();
        qualifier.setId("asn-qualifier");
        qualifier.setLabel("Partner's ISA qualifier");
        qualifier.setItems("ZZ", "01", "08", "12", "14");
        qualifier.setItemLabelGenerator(code -> switch (code) {
            case "01" -> "01 (DUNS)";
            case "08" -> "08 (UCC EDI comm. id)";
            case "12" -> "12 (phone)";
            case "14" -> "14 (DUNS + suffix)";
            default -> "ZZ (mutually defined)";
        });
        qualifier.setValue("ZZ");
        TextField partner = new TextField("Partner's ISA id");
        partner.setId("asn-partner");
        FormLayout form = new FormLayout(order, po, qualifier, partner);
        Div result = new Div();
        result.setWidthFull();
        Button write = new Button("Write 856", click -> {
            for (var field : List.of(order, partner)) {
                field.setInvalid(false);
            }
            try {
                WmsService.ShipNoticeFile file = wms.shipNotice(brand, order.getValue(), po.getValue(),
                        qualifier.getValue(), partner.getValue());
                result.removeAll();
                Anchor download = new Anchor((DownloadHandler) event -> {
                    event.setFileName(file.name());
                    event.setContentType("application/edi-x12");
                    event.getOutputStream().write(file.content());
                }, "Download " + file.name());
                download.setId("asn-download");
                Paragraph said = new Paragraph(file.cartons() + " carton(s). Send the file to the partner over its "
                        + "usual channel (AS2, VAN or SFTP).");
                said.addClassName("cd-muted");
                result.add(said, download, new SegmentTable(new String(file.content(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("~", "~\n")));
            } catch (WmsValidationException invalid) {
                invalid.fieldErrors().forEach((field, message) -> {
                    TextField shown = field.equals("order") ? order : field.equals("partnerId") ? partner : null;
                    if (shown != null) {
                        shown.setErrorMessage(message);
                        shown.setInvalid(true);
                    } else {
                        Notices.error(message);
                    }
                });
            } catch (IllegalArgumentException refused) {
                order.setErrorMessage(refused.getMessage());
                order.setInvalid(true);
            } catch (RuntimeException e) {
                log.warn("Writing an 856 failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        write.setId("asn-write");
        write.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(form, result);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()), write);
        dialog.open();
    }

    private void reprocess(X12DocumentView document, Dialog dialog) {
        if (tenant == null) {
            return;
        }
        try {
            WmsExchange.Reprocessed outcome = wms.reprocessDocument(tenant, document.id());
            if (outcome.applied() > 0) {
                Notices.success("Reprocessed: " + outcome.applied() + " document(s) applied now");
            } else {
                Notices.error("Reprocessed, but still not applied: " + (outcome.problem().isEmpty()
                        ? document.message() : outcome.problem()) + ". Fix that first.");
            }
            dialog.close();
            reload();
        } catch (RuntimeException e) {
            log.warn("Reprocessing {} failed", document.id(), e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private static String words(String code) {
        String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
