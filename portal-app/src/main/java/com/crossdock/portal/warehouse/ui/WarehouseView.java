package com.crossdock.portal.warehouse.ui;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.portal.warehouse.WmsConnectionCommand;
import com.crossdock.portal.warehouse.WmsConnectionView;
import com.crossdock.portal.warehouse.WmsService;
import com.crossdock.portal.warehouse.WmsValidationException;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 3PL's warehouses: each WMS connection with its SFTP endpoint and X12 identities, "Exchange now", connecting a
 * live WMS or a sandbox one, and the selected tenant's account (customer code) at its warehouse.
 */
@Route("warehouse")
@PageTitle("Warehouse · Crossdock")
@RolesAllowed({"PLATFORM_ADMIN", "ACCOUNT_MANAGER"})
public class WarehouseView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(WarehouseView.class);
    private static final java.time.format.DateTimeFormatter FILE_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    private final WmsService wms;
    private final TenantSelection selection;
    private final Div connections = new Div();
    private final Div account = new Div();
    private @Nullable TenantId tenant;

    WarehouseView(WmsService wms, TenantSelection selection) {
        this.wms = wms;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        connections.setId("wms-connections");
        connections.setWidthFull();
        account.setId("wms-account");
        account.setWidthFull();
        add(connections, account);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        reload();
    }

    private void reload() {
        List<WmsConnectionView> all;
        try {
            all = wms.connections();
        } catch (RuntimeException e) {
            log.warn("Loading the warehouses failed", e);
            Notices.error(FailureMessages.explain(e));
            return;
        }
        connections.removeAll();
        HorizontalLayout actions = new HorizontalLayout();
        if (wms.canManage()) {
            Button sandbox = new Button("Connect a sandbox warehouse", VaadinIcon.FLASK.create(),
                    click -> connectSandbox());
            sandbox.setId("wms-connect-sandbox");
            Button live = new Button("Connect a WMS", VaadinIcon.PLUS.create(), click -> openForm());
            live.setId("wms-connect");
            live.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(live, sandbox);
        }
        if (all.isEmpty()) {
            connections.add(EmptyState.of("wms-empty", "No warehouse is connected. Connect the 3PL's WMS over SFTP "
                    + "(host, user, folders and the X12 identities the warehouse agreed with you), or start with a "
                    + "sandbox warehouse that answers 940s with 997s and 945s like a real one.", actions));
        } else {
            connections.add(actions, grid(all));
        }
        showAccount(all);
    }

    private Grid<WmsConnectionView> grid(List<WmsConnectionView> all) {
        Grid<WmsConnectionView> grid = new Grid<>();
        grid.setId("wms-grid");
        grid.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(WmsConnectionView::name).setHeader("Warehouse").setFlexGrow(2);
        grid.addComponentColumn(connection -> Badge.of(connection.mode() == ChannelMode.SANDBOX ? "Sandbox" : "Live",
                connection.mode() == ChannelMode.SANDBOX ? Badge.Tone.CONTRAST : Badge.Tone.SUCCESS))
                .setHeader("Mode").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(connection -> connection.mode() == ChannelMode.SANDBOX ? "the portal's own SFTP server"
                : connection.username() + "@" + connection.host() + ":" + connection.port()).setHeader("SFTP")
                .setFlexGrow(2);
        grid.addColumn(connection -> connection.senderQualifier() + "/" + connection.senderId() + " → "
                + connection.receiverQualifier() + "/" + connection.receiverId() + " · X12 " + connection.x12Version())
                .setHeader("X12").setFlexGrow(2);
        grid.addColumn(connection -> "every " + connection.pollSeconds() + " s").setHeader("Exchange")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(WarehouseView::acknowledgements).setHeader("Acknowledgements").setFlexGrow(2);
        grid.addColumn(connection -> connection.mode() == ChannelMode.SANDBOX ? "the sandbox's own"
                : connection.hostKey() == null ? "pinned on first connection" : connection.hostKey())
                .setHeader("Server key").setFlexGrow(1);
        grid.addComponentColumn(connection -> {
            Button now = small("Exchange now", VaadinIcon.EXCHANGE, "wms-exchange-now", () -> exchangeNow(connection));
            Button files = small("Files", VaadinIcon.FILE_TEXT_O, "wms-files", () -> openFiles(connection));
            Button acks = small("Acknowledgements", VaadinIcon.COG, "wms-acks", () -> openAcknowledgements(
                    connection));
            Button check = small("Test connection", VaadinIcon.PLUG, "wms-check", () -> check(connection));
            Button behaviour = small("Sandbox behaviour", VaadinIcon.FLASK, "wms-sandbox-behaviour",
                    () -> openSandboxBehaviour(connection));
            behaviour.setVisible(connection.mode() == ChannelMode.SANDBOX);
            HorizontalLayout buttons = new HorizontalLayout(now, check, files, acks, behaviour);
            buttons.setSpacing(false);
            buttons.getStyle().set("flex-wrap", "wrap");
            buttons.setVisible(wms.canManage());
            return buttons;
        }).setWidth("15em").setFlexGrow(0);
        grid.setItems(all);
        return grid;
    }

    private static Button small(String text, VaadinIcon icon, String className, Runnable action) {
        Button button = new Button(text, icon.create(), click -> action.run());
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        return button;
    }

    static String acknowledgements(WmsConnectionView connection) {
        String ours = switch (connection.ackPolicy()) {
            case "NONE" -> "we send no 997s";
            case "ERRORS_ONLY" -> "we send 997s for errors only";
            default -> "we send a 997 for every group";
        };
        return ours + " · " + (connection.expects997() ? "it answers ours within " + connection.ackDeadlineMinutes()
                + " min" : "it sends no 997s");
    }

    private void check(WmsConnectionView connection) {
        try {
            var found = wms.checkConnection(connection.id());
            Notices.success(connection.name() + " answered with key " + found.serverKey() + ": "
                    + found.toWarehouse() + " file(s) wait for the warehouse, " + found.fromWarehouse()
                    + " for the portal");
        } catch (RuntimeException e) {
            log.warn("Checking {} failed", connection.name(), e);
            Notices.error(FailureMessages.explain(e));
        }
        reload();
    }

    private void openAcknowledgements(WmsConnectionView connection) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Acknowledgements with " + connection.name());
        dialog.setId("wms-acks-dialog");
        Select<String> policy = new Select<>();
        policy.setId("wms-ack-policy");
        policy.setLabel("Answer the warehouse's files with 997s");
        policy.setItems("EVERY_GROUP", "ERRORS_ONLY", "NONE");
        policy.setItemLabelGenerator(code -> switch (code) {
            case "ERRORS_ONLY" -> "Only for groups with a rejected transaction";
            case "NONE" -> "Never (the warehouse does not want them)";
            default -> "For every functional group";
        });
        policy.setValue(connection.ackPolicy());
        policy.setWidthFull();
        Checkbox expects = new Checkbox("The warehouse answers our 940s and 943s with 997s",
                connection.expects997());
        expects.setId("wms-ack-expects");
        IntegerField deadline = new IntegerField("Unacknowledged after (minutes)");
        deadline.setId("wms-ack-deadline");
        deadline.setValue(connection.ackDeadlineMinutes());
        deadline.setHelperText("A document without its 997 by then becomes an exception for the brand");
        deadline.setWidthFull();
        expects.addValueChangeListener(change -> deadline.setEnabled(change.getValue()));
        deadline.setEnabled(connection.expects997());
        Button save = new Button("Save", click -> {
            try {
                wms.setAcknowledgements(connection.id(), policy.getValue(), expects.getValue(),
                        deadline.getValue() == null ? 0 : deadline.getValue());
                dialog.close();
                Notices.success("Acknowledgements with " + connection.name() + " saved");
                reload();
            } catch (WmsValidationException invalid) {
                deadline.setInvalid(invalid.fieldErrors().containsKey("ackDeadline"));
                deadline.setErrorMessage(invalid.fieldErrors().get("ackDeadline"));
                policy.setInvalid(invalid.fieldErrors().containsKey("ackPolicy"));
                policy.setErrorMessage(invalid.fieldErrors().get("ackPolicy"));
            } catch (RuntimeException e) {
                log.warn("Saving the acknowledgements of {} failed", connection.name(), e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("wms-ack-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new VerticalLayout(policy, expects, deadline));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void openSandboxBehaviour(WmsConnectionView connection) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("How " + connection.name() + " behaves");
        dialog.setId("wms-sandbox-dialog");
        Select<String> shipping = new Select<>();
        shipping.setId("wms-sandbox-shipping");
        shipping.setLabel("New orders are shipped");
        shipping.setItems("SHIP_COMPLETE", "SPLIT_CARTONS", "SHORT_SHIP");
        shipping.setItemLabelGenerator(code -> switch (code) {
            case "SHIP_COMPLETE" -> "Complete, in one carton";
            case "SHORT_SHIP" -> "One unit short on the first line";
            default -> "Split in two cartons (orders of two lines or more)";
        });
        shipping.setValue(connection.sandboxShipping());
        shipping.setWidthFull();
        IntegerField hold = new IntegerField("Answers after (minutes)");
        hold.setId("wms-sandbox-hold");
        hold.setValue(connection.sandboxHoldMinutes());
        hold.setHelperText("0: at the next exchange. More: a warehouse that takes its time (acknowledgements may "
                + "become overdue)");
        hold.setWidthFull();
        Button save = new Button("Save", click -> {
            try {
                wms.setSandboxBehaviour(connection.id(), shipping.getValue(), hold.getValue() == null ? -1
                        : hold.getValue());
                dialog.close();
                Notices.success(connection.name() + " ships \"" + shipping.getItemLabelGenerator().apply(
                        shipping.getValue()) + "\" from now on");
                reload();
            } catch (WmsValidationException invalid) {
                hold.setInvalid(invalid.fieldErrors().containsKey("hold"));
                hold.setErrorMessage(invalid.fieldErrors().get("hold"));
            } catch (RuntimeException e) {
                log.warn("Saving the behaviour of {} failed", connection.name(), e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("wms-sandbox-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new VerticalLayout(shipping, hold));
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void openFiles(WmsConnectionView connection) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Files exchanged with " + connection.name());
        dialog.setId("wms-files-dialog");
        dialog.setWidth("1000px");
        Grid<WmsService.WmsFileView> files = new Grid<>();
        files.setId("wms-files-grid");
        files.addThemeVariants(GridVariant.NO_BORDER, GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        files.setHeight("480px");
        files.addColumn(file -> FILE_TIME.format(file.createdAt())).setHeader("When (UTC)").setAutoWidth(true)
                .setFlexGrow(0);
        files.addComponentColumn(file -> Badge.of(file.direction().equals("OUTBOUND") ? "Out" : "In",
                file.direction().equals("OUTBOUND") ? Badge.Tone.PRIMARY : Badge.Tone.CONTRAST)).setAutoWidth(true)
                .setFlexGrow(0);
        files.addColumn(WmsService.WmsFileView::name).setHeader("File").setFlexGrow(2);
        files.addComponentColumn(file -> {
            Span status = Badge.of(file.status().charAt(0) + file.status().substring(1).toLowerCase(
                    java.util.Locale.ROOT), switch (file.status()) {
                        case "QUARANTINED" -> Badge.Tone.ERROR;
                        case "PENDING" -> Badge.Tone.WARNING;
                        default -> file.problem().isEmpty() ? Badge.Tone.SUCCESS : Badge.Tone.WARNING;
                    });
            status.addClassName("wms-file-status");
            return status;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        files.addColumn(WmsService.WmsFileView::problem).setHeader("Problem").setFlexGrow(3);
        files.addComponentColumn(file -> {
            Button again = small("Reprocess", VaadinIcon.REFRESH, "wms-file-reprocess", () -> {
                try {
                    var outcome = wms.reprocessFile(file.id());
                    if (!outcome.readable() || !outcome.problem().isEmpty()) {
                        Notices.error(file.name() + " still cannot be used: " + outcome.problem());
                    } else {
                        Notices.success(file.name() + ": " + outcome.applied() + " document(s) applied now");
                    }
                    files.setItems(wms.files(connection.id(), 200));
                } catch (RuntimeException e) {
                    log.warn("Reprocessing {} failed", file.name(), e);
                    Notices.error(FailureMessages.explain(e));
                }
            });
            again.setVisible(file.direction().equals("INBOUND") && (file.status().equals("QUARANTINED")
                    || !file.problem().isEmpty()));
            return again;
        }).setAutoWidth(true).setFlexGrow(0);
        List<WmsService.WmsFileView> latest = wms.files(connection.id(), 200);
        files.setItems(latest);
        Paragraph hint = new Paragraph(latest.isEmpty() ? "No file was exchanged yet: run an exchange."
                : "Every file is kept as sent or received. A quarantined file, or one with transactions no brand "
                        + "could take, can be reprocessed once its cause is fixed (a customer code mapped, an order "
                        + "sent); what was applied before is not applied again.");
        hint.addClassName("cd-muted");
        dialog.add(hint, files);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    private void exchangeNow(WmsConnectionView connection) {
        try {
            wms.exchangeNow(connection.id());
            Notices.success("Exchange with " + connection.name() + " started: orders go out as 940s, shipping and "
                    + "stock documents come in");
        } catch (RuntimeException e) {
            log.warn("Starting the exchange of {} failed", connection.name(), e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void connectSandbox() {
        try {
            WmsConnectionView made = wms.connectSandbox("Sandbox warehouse " + (wms.connections().size() + 1));
            Notices.success(made.name() + " is connected; map a brand to it below with a customer code");
        } catch (RuntimeException e) {
            log.warn("Connecting a sandbox warehouse failed", e);
            Notices.error(FailureMessages.explain(e));
        }
        reload();
    }

    private void showAccount(List<WmsConnectionView> all) {
        account.removeAll();
        if (tenant == null || all.isEmpty()) {
            return;
        }
        H3 title = new H3("The selected brand's warehouse account");
        var current = wms.account(tenant);
        Select<WmsConnectionView> warehouse = new Select<>();
        warehouse.setId("wms-account-warehouse");
        warehouse.setLabel("Warehouse");
        warehouse.setItems(all);
        warehouse.setItemLabelGenerator(WmsConnectionView::name);
        warehouse.setWidth("16em");
        current.flatMap(found -> all.stream().filter(view -> view.id().equals(found.connectionId())).findFirst())
                .ifPresentOrElse(warehouse::setValue, () -> warehouse.setValue(all.getFirst()));
        TextField code = new TextField("Customer code at the warehouse");
        code.setWidth("18em");
        code.setId("wms-account-code");
        code.setHelperText("The depositor code the WMS knows this brand by; it travels in every 940 and 945");
        current.ifPresent(found -> code.setValue(found.customerCode()));
        Button save = new Button("Save account", click -> {
            try {
                wms.assignAccount(tenant, warehouse.getValue().id(), code.getValue());
                Notices.success("Released orders of this brand now go to " + warehouse.getValue().name());
                code.setInvalid(false);
            } catch (WmsValidationException invalid) {
                code.setInvalid(true);
                code.setErrorMessage(String.join("; ", invalid.fieldErrors().values()));
            } catch (RuntimeException e) {
                log.warn("Saving the warehouse account failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("wms-account-save");
        save.setEnabled(wms.canAssignAccounts());
        Button stock = new Button("Sandbox warehouse reports stock", VaadinIcon.STOCK.create(), click -> {
            try {
                int skus = wms.reportSandboxStock(tenant);
                Notices.success("The sandbox warehouse sent an 846 for " + skus + " SKU(s); the exchange reads it now");
            } catch (RuntimeException e) {
                log.warn("The sandbox warehouse could not report stock", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        stock.setId("wms-sandbox-stock");
        stock.setVisible(current.isPresent() && all.stream().anyMatch(view -> view.id().equals(
                current.get().connectionId()) && view.mode() == ChannelMode.SANDBOX) && wms.canAssignAccounts());
        Select<String> malformed = new Select<>();
        malformed.setId("wms-sandbox-malformed-kind");
        malformed.setItems("WRONG_SEGMENT_COUNT", "MISMATCHED_CONTROL_NUMBERS", "MISSING_SEGMENT_TERMINATORS",
                "FRACTIONAL_QUANTITY");
        malformed.setItemLabelGenerator(kind -> switch (kind) {
            case "MISMATCHED_CONTROL_NUMBERS" -> "IEA02 ≠ ISA13";
            case "MISSING_SEGMENT_TERMINATORS" -> "No segment terminators";
            case "FRACTIONAL_QUANTITY" -> "Half a unit on hand";
            default -> "Wrong SE01 segment count";
        });
        malformed.setValue("WRONG_SEGMENT_COUNT");
        malformed.setWidth("14em");
        Button sendMalformed = new Button("Send a malformed file", VaadinIcon.BUG.create(), click -> {
            try {
                wms.sendSandboxMalformed(tenant, malformed.getValue());
                Notices.success("The sandbox warehouse sent a malformed 846; the exchange reading it runs now. See "
                        + "Warehouse → Files, and the brand's Documents and Exceptions");
            } catch (RuntimeException e) {
                log.warn("The sandbox warehouse could not send a malformed file", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        sendMalformed.setId("wms-sandbox-malformed");
        boolean sandboxAccount = current.isPresent() && all.stream().anyMatch(view -> view.id().equals(
                current.get().connectionId()) && view.mode() == ChannelMode.SANDBOX) && wms.canAssignAccounts();
        malformed.setVisible(sandboxAccount);
        sendMalformed.setVisible(sandboxAccount);
        HorizontalLayout row = new HorizontalLayout(warehouse, code, save, stock, malformed, sendMalformed);
        row.getStyle().set("flex-wrap", "wrap");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph hint = new Paragraph(current.isEmpty() ? "This brand has no warehouse account yet: until it has "
                + "one, its released orders wait in the outbox (or the sandbox warehouse of its sandbox stores ships "
                + "them)." : "Released orders of this brand go to its warehouse as 940s.");
        hint.addClassName("cd-muted");
        account.add(title, hint, row);
    }

    private void openForm() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Connect a WMS");
        dialog.setWidth("720px");
        TextField name = new TextField("Name");
        TextField host = new TextField("SFTP host");
        IntegerField port = new IntegerField("Port");
        port.setValue(22);
        TextField user = new TextField("User");
        PasswordField password = new PasswordField("Password");
        TextArea key = new TextArea("Private key (instead of or with the password)");
        TextField hostKey = new TextField("Server key fingerprint (SHA256:…)");
        hostKey.setHelperText("Empty: trusted on first use and shown here to pin");
        TextField outbound = new TextField("Folder for documents to the WMS");
        outbound.setValue("/in");
        TextField inbound = new TextField("Folder for documents from the WMS");
        inbound.setValue("/out");
        TextField archive = new TextField("Archive folder for read documents");
        archive.setValue("/archive");
        IntegerField poll = new IntegerField("Exchange every (seconds)");
        poll.setValue(300);
        TextField senderQualifier = new TextField("ISA05 qualifier (ours)");
        senderQualifier.setValue("ZZ");
        TextField senderId = new TextField("ISA06 id (ours)");
        TextField receiverQualifier = new TextField("ISA07 qualifier (the warehouse's)");
        receiverQualifier.setValue("ZZ");
        TextField receiverId = new TextField("ISA08 id (the warehouse's)");
        Select<String> version = new Select<>();
        version.setLabel("X12 version");
        version.setItems("004010", "005010");
        version.setValue("004010");
        Map<String, HasValidation> fields = Map.ofEntries(Map.entry("name", name), Map.entry("host", host),
                Map.entry("port", port), Map.entry("username", user), Map.entry("password", password),
                Map.entry("outboundDir", outbound), Map.entry("inboundDir", inbound),
                Map.entry("archiveDir", archive), Map.entry("pollSeconds", poll),
                Map.entry("senderQualifier", senderQualifier), Map.entry("senderId", senderId),
                Map.entry("receiverQualifier", receiverQualifier), Map.entry("receiverId", receiverId),
                Map.entry("x12Version", version));
        FormLayout form = new FormLayout(name, host, port, user, password, key, hostKey, outbound, inbound, archive,
                poll, version, senderQualifier, senderId, receiverQualifier, receiverId);
        form.setColspan(key, 2);
        form.setId("wms-form");
        Button save = new Button("Connect", click -> {
            fields.values().forEach(field -> field.setInvalid(false));
            try {
                wms.connect(new WmsConnectionCommand(name.getValue(), ChannelMode.LIVE, host.getValue(),
                        port.getValue() == null ? 0 : port.getValue(), user.getValue(), password.getValue(),
                        key.getValue(), hostKey.getValue(), outbound.getValue(), inbound.getValue(),
                        archive.getValue(), poll.getValue() == null ? 0 : poll.getValue(),
                        senderQualifier.getValue(), senderId.getValue(), receiverQualifier.getValue(),
                        receiverId.getValue(), version.getValue(), false));
                dialog.close();
                Notices.success(name.getValue() + " is connected");
                reload();
            } catch (WmsValidationException invalid) {
                invalid.fieldErrors().forEach((field, message) -> {
                    HasValidation shown = fields.get(field);
                    if (shown != null) {
                        shown.setErrorMessage(message);
                        shown.setInvalid(true);
                    } else {
                        Notices.error(message);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Connecting a WMS failed", e);
                Notices.error(FailureMessages.explain(e));
            }
        });
        save.setId("wms-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", click -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
