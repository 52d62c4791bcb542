package com.crossdock.portal.health.ui;

import com.crossdock.portal.health.HealthService;
import com.crossdock.portal.health.HealthValidationException;
import com.crossdock.portal.health.HypercareReview;
import com.crossdock.portal.health.Leadership;
import com.crossdock.portal.tenant.TenantSummary;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hypercare daily review of a tenant in limited go-live or hypercare (only those are listed; the selected tenant
 * first when it is one): expected against imported orders, shipped against tracking posted, held inventory,
 * receiving discrepancies, manual touches and repeated failures for one day, and the same as CSV or by e-mail (CSV
 * attached).
 */
@Route("hypercare")
@PageTitle("Hypercare review · Crossdock")
@PermitAll
public class HypercareView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(HypercareView.class);

    private final HealthService health;
    private final TenantSelection selection;
    private final DatePicker day = new DatePicker("Day (UTC)");
    private final Select<TenantSummary> tenants = new Select<>();
    private final Grid<HypercareReview.Line> lines = new Grid<>();
    private final Grid<Leadership.Pattern> repeated = new Grid<>();
    private final Div empty = new Div();
    private final Div repeatedEmpty = new Div();
    private final Anchor csv;
    private final EmailField mailTo = new EmailField("Send to");
    private final Button send;
    private final H3 repeatedTitle = new H3();
    private @Nullable TenantId tenant;

    HypercareView(HealthService health, TenantSelection selection) {
        this.health = health;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        Paragraph intro = new Paragraph("The daily check of limited go-live and hypercare: each line compares what "
                + "was expected with what happened that day; a difference is marked for a look.");
        intro.addClassName("cd-muted");
        day.setId("hypercare-day");
        day.setValue(LocalDate.now(ZoneOffset.UTC));
        day.setMax(LocalDate.now(ZoneOffset.UTC));
        day.addValueChangeListener(change -> reload());
        tenants.setId("hypercare-tenant");
        tenants.setLabel("Tenant in limited go-live or hypercare");
        tenants.setItemLabelGenerator(summary -> summary.name() + " · " + summary.stage().label());
        tenants.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                tenant = change.getValue() == null ? null : change.getValue().id();
                reload();
            }
        });
        DownloadHandler download = event -> {
            if (tenant == null || day.getValue() == null) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setFileName("hypercare-" + day.getValue() + ".csv");
            event.setContentType("text/csv;charset=UTF-8");
            event.getOutputStream().write(health.hypercareCsv(tenant, day.getValue())
                    .getBytes(StandardCharsets.UTF_8));
        };
        csv = new Anchor();
        csv.setText("Download CSV");
        // the download's address is registered with the page's UI, so once the view is on one
        addAttachListener(attach -> csv.setHref(download));
        csv.setId("hypercare-csv");
        mailTo.setId("hypercare-email");
        mailTo.setPlaceholder("ops@brand.com");
        send = new Button("E-mail the review", click -> email());
        send.setId("hypercare-send");
        send.setVisible(health.canEditAlerts());
        mailTo.setVisible(health.canEditAlerts());
        HorizontalLayout bar = new HorizontalLayout(tenants, day, csv, mailTo, send);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        lines.setId("hypercare-grid");
        lines.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        lines.setAllRowsVisible(true);
        lines.addColumn(HypercareReview.Line::check).setHeader("Check").setFlexGrow(3);
        lines.addColumn(HypercareReview.Line::expected).setHeader("Expected").setAutoWidth(true);
        lines.addColumn(HypercareReview.Line::actual).setHeader("Actual").setAutoWidth(true);
        lines.addComponentColumn(line -> line.needsLook() ? Badge.of("Look", Badge.Tone.WARNING)
                : Badge.of("OK", Badge.Tone.SUCCESS)).setHeader("").setAutoWidth(true);
        lines.addColumn(HypercareReview.Line::note).setHeader("What to do").setFlexGrow(3);
        repeated.setId("hypercare-repeated");
        repeated.addThemeVariants(GridVariant.NO_BORDER);
        repeated.setAllRowsVisible(true);
        repeated.addColumn(pattern -> HealthView.label(pattern.flow())).setHeader("Flow").setAutoWidth(true);
        repeated.addColumn(pattern -> HealthView.words(pattern.reason())).setHeader("Reason").setFlexGrow(2);
        repeated.addColumn(Leadership.Pattern::occurrences).setHeader("Times").setAutoWidth(true);
        repeatedTitle.setText("Repeated failures");
        add(intro, bar, empty, lines, repeatedTitle, repeatedEmpty, repeated);
    }

    private void email() {
        if (tenant == null || day.getValue() == null) {
            return;
        }
        mailTo.setInvalid(false);
        try {
            String result = health.emailHypercare(tenant, day.getValue(), mailTo.getValue());
            if (result.startsWith("Sent")) {
                Notices.success(result);
            } else {
                Notices.error(result);
            }
        } catch (HealthValidationException e) {
            mailTo.setErrorMessage(String.join(" ", e.fieldErrors().values()));
            mailTo.setInvalid(true);
        } catch (RuntimeException e) {
            log.warn("E-mailing the hypercare review failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<TenantSummary> inReview = tenantsInReview();
        TenantId selected = selection.current().orElse(null);
        tenants.setItems(inReview);
        tenants.setVisible(!inReview.isEmpty());
        java.util.Optional<TenantSummary> chosen = inReview.stream().filter(summary -> summary.id().equals(selected))
                .findFirst().or(() -> inReview.stream().findFirst());
        chosen.ifPresent(tenants::setValue);
        tenant = chosen.map(TenantSummary::id).orElse(null);
        reload();
    }

    private List<TenantSummary> tenantsInReview() {
        try {
            return health.hypercareTenants();
        } catch (RuntimeException e) {
            log.warn("Listing the tenants in hypercare failed", e);
            Notices.error(FailureMessages.explain(e));
            return List.of();
        }
    }

    private void reload() {
        empty.removeAll();
        repeatedEmpty.removeAll();
        boolean ready = tenant != null && day.getValue() != null;
        lines.setVisible(ready);
        csv.setVisible(ready);
        repeated.setVisible(ready);
        repeatedTitle.setVisible(ready);
        // nothing to review, nothing to send
        send.setVisible(ready && health.canEditAlerts());
        mailTo.setVisible(ready && health.canEditAlerts());
        day.setVisible(tenant != null);
        if (!ready) {
            empty.add(EmptyState.of("hypercare-empty", tenant == null
                    ? "No tenant you look after is in limited go-live or hypercare, so there is no daily review to "
                    + "show. The review starts when a tenant goes live on its first channel; its Overview shows "
                    + "the steps before that." : "Pick a day to review."));
            return;
        }
        HypercareReview review;
        try {
            review = health.hypercare(tenant, day.getValue());
        } catch (RuntimeException e) {
            log.warn("Loading the hypercare review failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        lines.setItems(review.lines());
        repeated.setItems(review.repeatedFailures());
        repeated.setVisible(!review.repeatedFailures().isEmpty());
        if (review.repeatedFailures().isEmpty()) {
            repeatedEmpty.add(EmptyState.of("hypercare-repeated-empty", "No failure came back more than once that "
                    + "day."));
        }
    }
}
