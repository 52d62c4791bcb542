package com.crossdock.portal.tenant.ui;

import com.crossdock.portal.audit.AuditEntry;
import com.crossdock.portal.audit.AuditFilter;
import com.crossdock.portal.tenant.TenantService;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Who changed the selected tenant's configuration, when, and what changed; filterable by user, record and date. */
@Route("audit")
@PageTitle("Audit · Crossdock")
@RolesAllowed({"PLATFORM_ADMIN", "ACCOUNT_MANAGER", "BRAND_ADMIN"})
public class AuditView extends VerticalLayout implements BeforeEnterObserver {

    private static final String ALL_RECORDS = "All records";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final TenantService tenants;
    private final TenantSelection selection;
    private final TextField user = new TextField("User");
    private final Select<String> record = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Div empty = new Div();
    private @Nullable TenantId tenant;

    AuditView(TenantService tenants, TenantSelection selection) {
        this.tenants = tenants;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        setSizeFull();

        user.setId("audit-user");
        user.setPlaceholder("any user");
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.setClearButtonVisible(true);
        record.setId("audit-entity");
        record.setLabel("Record");
        record.setItems(withAll(tenants.auditedTypes()));
        record.setValue(ALL_RECORDS);
        from.setId("audit-from");
        to.setId("audit-to");
        user.addValueChangeListener(change -> refresh());
        record.addValueChangeListener(change -> refresh());
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(user, record, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addColumn(entry -> WHEN.format(entry.occurredAt())).setHeader("When").setWidth("200px").setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setWidth("190px").setFlexGrow(0);
        grid.addColumn(entry -> entry.entityType() + ": " + entry.entityLabel()).setHeader("Record").setFlexGrow(1);
        grid.addColumn(entry -> entry.kind().label()).setHeader("Change").setWidth("100px").setFlexGrow(0);
        grid.addComponentColumn(AuditView::changes).setHeader("Before → after").setFlexGrow(2);

        empty.setId("audit-empty");
        empty.addClassNames("cd-card", "cd-empty-state");
        Paragraph intro = new Paragraph("Every change to this tenant's configuration, with who made it and the "
                + "values before and after.");
        intro.addClassName("cd-muted");
        add(intro, filters, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        refresh();
    }

    private void refresh() {
        if (tenant == null) {
            show(List.of(), "No tenant is selected. Pick one in the tenant switcher.");
            return;
        }
        String type = ALL_RECORDS.equals(record.getValue()) ? null : record.getValue();
        AuditFilter filter = new AuditFilter(user.getValue(), type, startOf(from.getValue()),
                startOf(to.getValue() == null ? null : to.getValue().plusDays(1)));
        show(tenants.auditTrail(tenant, filter), "No changes match these filters. Clear them to see everything.");
    }

    private void show(List<AuditEntry> entries, String whenEmpty) {
        grid.setItems(entries);
        grid.setVisible(!entries.isEmpty());
        empty.removeAll();
        empty.add(new Paragraph(whenEmpty));
        empty.setVisible(entries.isEmpty());
    }

    private static Div changes(AuditEntry entry) {
        Div lines = new Div();
        entry.changes().forEach(change -> {
            Div line = new Div();
            Span field = new Span(change.field() + ": ");
            field.addClassName("cd-muted");
            line.add(field, new Span((change.before() == null ? "none" : change.before()) + " → "
                    + (change.after() == null ? "none" : change.after())));
            lines.add(line);
        });
        return lines;
    }

    private static java.time.@Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    private static List<String> withAll(List<String> types) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(ALL_RECORDS), types.stream()).toList();
    }
}
