package com.crossdock.portal.channel.ui;

import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ChannelValidationException;
import com.crossdock.portal.channel.ConnectionTest;
import com.crossdock.portal.channel.ConnectionView;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.channel.sandbox.ui.SandboxControls;
import com.crossdock.portal.tenant.ui.TenantSelection;
import com.crossdock.portal.uikit.Badge;
import com.crossdock.portal.uikit.EmptyState;
import com.crossdock.portal.uikit.Fact;
import com.crossdock.portal.uikit.FailureMessages;
import com.crossdock.portal.uikit.Notices;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.PermitAll;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected tenant's sales-channel connections: each store with its mode, pinned API version, a masked token
 * hint and the webhook address its app must call; and, for the people allowed to, connecting a Shopify store.
 */
@Route("channels")
@PageTitle("Channels · Crossdock")
@PermitAll
public class ChannelsView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ChannelsView.class);
    private static final String WEBHOOK_TOPICS = "orders/create, orders/updated and orders/cancelled";

    private final ChannelService channels;
    /** Handed to the sandbox controls of sandbox connections; the view itself only calls {@link ChannelService}. */
    private final ShopifySandboxService sandbox;
    private final com.crossdock.portal.channel.sandbox.AmazonSandboxService amazonSandbox;
    private final com.crossdock.portal.channel.sandbox.WalmartSandboxService walmartSandbox;
    private final com.crossdock.portal.channel.AmazonPrepService amazonPrep;
    private final TenantSelection selection;
    private final Div content = new Div();
    private final Dialog dialog = new Dialog();
    /** The webhook address fields shown, by connection, filled in once the page's own address is known. */
    private final Map<UUID, TextArea> webhookFields = new LinkedHashMap<>();
    private @Nullable TenantId tenant;
    private @Nullable String baseUrl;

    ChannelsView(ChannelService channels, ShopifySandboxService sandbox,
            com.crossdock.portal.channel.sandbox.AmazonSandboxService amazonSandbox,
            com.crossdock.portal.channel.sandbox.WalmartSandboxService walmartSandbox,
            com.crossdock.portal.channel.AmazonPrepService amazonPrep, TenantSelection selection) {
        this.channels = channels;
        this.amazonPrep = amazonPrep;
        this.sandbox = sandbox;
        this.amazonSandbox = amazonSandbox;
        this.walmartSandbox = walmartSandbox;
        this.selection = selection;
        addClassName("cd-page");
        setPadding(false);
        content.setWidthFull();
        content.addClassName("cd-channel-list");
        dialog.setId("shopify-dialog");
        dialog.setHeaderTitle("Connect a Shopify store");
        dialog.setWidth("720px");
        add(header(), content);
    }

    private com.vaadin.flow.component.Component header() {
        Paragraph intro = new Paragraph("Each connection is one store account. Orders reach Crossdock through "
                + "the store's webhooks, signed with the app's secret; credentials are encrypted and never shown "
                + "again after they are entered.");
        intro.addClassName("cd-muted");
        if (!channels.canManage()) {
            return intro;
        }
        Button connect = new Button("Connect Shopify store", VaadinIcon.PLUS.create(), click -> openForm());
        connect.setId("connect-shopify");
        connect.addThemeVariants(ButtonVariant.PRIMARY);
        Button amazon = new Button("Connect Amazon account", VaadinIcon.PLUS.create(), click -> openAmazonForm());
        amazon.setId("connect-amazon");
        Button walmart = new Button("Connect Walmart account", VaadinIcon.PLUS.create(), click -> openWalmartForm());
        walmart.setId("connect-walmart");
        // the intro reads across the page, the three ways to connect sit under it (wrapping on a narrow screen)
        HorizontalLayout actions = new HorizontalLayout(connect, amazon, walmart);
        actions.setWrap(true);
        return new com.vaadin.flow.component.html.Div(intro, actions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenant = selection.current().orElse(null);
        VaadinRequest request = VaadinRequest.getCurrent();
        String contextPath = request == null ? "" : request.getContextPath();
        // the address the person's browser reaches the portal at, so it is right behind a proxy as well
        event.getUI().getPage().fetchCurrentURL(url -> {
            baseUrl = origin(url) + contextPath;
            webhookFields.forEach((id, field) -> field.setValue(webhookAddress(id)));
        });
        refresh();
    }

    private void refresh() {
        content.removeAll();
        webhookFields.clear();
        if (tenant == null) {
            content.add(EmptyState.of("channels-empty", "No tenant is selected. Pick one in the tenant switcher."));
            return;
        }
        List<ConnectionView> connections = channels.connections(tenant);
        if (connections.isEmpty()) {
            content.add(EmptyState.of("channels-empty", channels.canManage()
                    ? "No sales channel is connected yet. To connect a Shopify store, create a custom app in the "
                            + "store's Shopify admin (Settings → Apps and sales channels → Develop apps) with the "
                            + "Admin API scopes read_orders, write_fulfillments and write_inventory, and install it. "
                            + "Then choose “Connect Shopify store” and paste the app's Admin API access token and its "
                            + "webhook signing secret. For Amazon, choose “Connect Amazon account” (sandbox needs only "
                            + "the seller and marketplace ids; live the app's LWA credentials, see docs/amazon.md), and for Walmart "
                            + "“Connect Walmart account” (the partner id and the warehouse's ship node; live the API "
                            + "keys, see docs/walmart.md)."
                    : "No sales channel is connected yet. Your brand admin or account manager connects the "
                            + "Shopify store here; its orders then show under Orders."));
            return;
        }
        connections.forEach(connection -> content.add(card(connection)));
    }

    private Div card(ConnectionView connection) {
        if (connection.channel().equals("AMAZON")) {
            return amazonCard(connection);
        }
        if (connection.channel().equals("WALMART")) {
            return walmartCard(connection);
        }
        Div card = new Div();
        card.addClassNames("cd-card", "channel-connection");
        card.setId("channel-" + connection.id());
        card.getElement().setAttribute("data-mode", connection.mode().name());
        H3 name = new H3(connection.name());
        name.addClassName("channel-name");
        Span channel = Badge.of(connection.channel().equals("SHOPIFY") ? "Shopify" : connection.channel(),
                Badge.Tone.NEUTRAL);
        Span mode = Badge.of(modeLabel(connection.mode()),
                connection.mode() == ChannelMode.LIVE ? Badge.Tone.SUCCESS : Badge.Tone.CONTRAST);
        mode.addClassName("channel-mode");
        HorizontalLayout title = new HorizontalLayout(name, channel, mode);
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        if (connection.rotatingSecret()) {
            Span rotating = Badge.of("Secret rotation in progress", Badge.Tone.WARNING);
            rotating.addClassName("channel-rotating");
            rotating.setTitle("Webhooks signed with the previous secret are still accepted until the rotation is "
                    + "finished");
            title.add(rotating);
        }
        Div facts = Fact.row(Fact.of("Store", connection.shopDomain(), "channel-domain"),
                Fact.of("API version", connection.apiVersion(), "channel-api-version"),
                Fact.of("Access token", connection.tokenHint(), "channel-token-hint"));
        card.add(title, facts, webhookRow(connection));
        if (channels.canManage()) {
            card.add(testRow(connection));
            if (connection.mode() == ChannelMode.SANDBOX && tenant != null) {
                card.add(new SandboxControls(sandbox, tenant, connection.id()));
            }
        }
        return card;
    }

    /** "Test connection" and what it found, in words. */
    private HorizontalLayout testRow(ConnectionView connection) {
        Span result = new Span();
        result.addClassName("channel-test-result");
        Button test = new Button("Test connection", VaadinIcon.PLUG.create(), click -> {
            if (tenant == null) {
                return;
            }
            ConnectionTest outcome = channels.testConnection(tenant, connection.id());
            result.setText(outcome.message());
            result.getElement().setAttribute("data-ok", Boolean.toString(outcome.ok()));
            result.getStyle().set("color", outcome.ok() ? "var(--lumo-success-text-color)"
                    : "var(--lumo-error-text-color)");
        });
        test.addClassName("channel-test");
        HorizontalLayout testRow = new HorizontalLayout(test, result);
        testRow.setAlignItems(FlexComponent.Alignment.CENTER);
        return testRow;
    }

    /** An Amazon account: no webhooks to set up (the order import polls), the sandbox's controls in sandbox mode. */
    private Div amazonCard(ConnectionView connection) {
        Div card = marketplaceCard(connection, "AMAZON", "Amazon", Fact.row(
                Fact.of("Seller account", connection.shopDomain(), "channel-domain"),
                Fact.of("Orders API", connection.apiVersion(), "channel-api-version"),
                Fact.of("Refresh token", connection.tokenHint(), "channel-token-hint")),
                "Orders are read from Amazon by the order import flow (Flows), at Amazon's published rates, after "
                        + "the notifications waiting on the account's SQS queue (a buyer's cancel request); orders "
                        + "fulfilled by Amazon are set aside, not sent to the warehouse.");
        if (channels.canManage() && tenant != null) {
            card.add(testRow(connection), ordersApiChoice(connection),
                    new AmazonPrepControls(amazonPrep, tenant, connection.id()));
        }
        if (channels.canManage() && connection.mode() == ChannelMode.SANDBOX && tenant != null) {
            card.add(new com.crossdock.portal.channel.sandbox.ui.AmazonSandboxControls(amazonSandbox, tenant,
                    connection.id()));
        }
        return card;
    }

    /** A Walmart seller: the flows poll and write back (no webhooks), the sandbox's controls in sandbox mode. */
    private Div walmartCard(ConnectionView connection) {
        Div card = marketplaceCard(connection, "WALMART", "Walmart", Fact.row(
                Fact.of("Partner id", connection.shopDomain(), "channel-domain"),
                Fact.of("Marketplace API", connection.apiVersion(), "channel-api-version"),
                Fact.of("Client id", connection.tokenHint(), "channel-token-hint")),
                "The order import reads and acknowledges purchase orders, the fulfillment write-back sends each "
                        + "parcel's carrier and tracking number, and the inventory push sets the warehouse's stock "
                        + "at the first ship node (Flows).");
        if (channels.canManage()) {
            card.add(testRow(connection));
        }
        if (channels.canManage() && connection.mode() == ChannelMode.SANDBOX && tenant != null) {
            card.add(new com.crossdock.portal.channel.sandbox.ui.WalmartSandboxControls(walmartSandbox, tenant,
                    connection.id()));
        }
        return card;
    }

    /** The card of a channel whose flows poll it: name, channel and mode, its facts and how its orders arrive. */
    private Div marketplaceCard(ConnectionView connection, String channel, String label, Div facts, String how) {
        Div card = new Div();
        card.addClassNames("cd-card", "channel-connection");
        card.setId("channel-" + connection.id());
        card.getElement().setAttribute("data-mode", connection.mode().name());
        card.getElement().setAttribute("data-channel", channel);
        H3 name = new H3(connection.name());
        name.addClassName("channel-name");
        Span mode = Badge.of(modeLabel(connection.mode()),
                connection.mode() == ChannelMode.LIVE ? Badge.Tone.SUCCESS : Badge.Tone.CONTRAST);
        mode.addClassName("channel-mode");
        HorizontalLayout title = new HorizontalLayout(name, Badge.of(label, Badge.Tone.NEUTRAL), mode);
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        Paragraph text = new Paragraph(how);
        text.addClassName("cd-muted");
        card.add(title, facts, text);
        return card;
    }

    /** Which Orders API the connection's order import reads with: v0, or 2026-01-01 where the seller opts in. */
    private com.vaadin.flow.component.select.Select<String> ordersApiChoice(ConnectionView connection) {
        var choice = new com.vaadin.flow.component.select.Select<String>();
        choice.setLabel("Orders API");
        choice.setId("amazon-orders-api-" + connection.id());
        choice.setItems(ChannelService.AMAZON_ORDERS_APIS);
        choice.setItemLabelGenerator(version -> version.equals("v0") ? "v0 (getOrders)"
                : version + " (searchOrders)");
        choice.setValue(connection.apiVersion());
        choice.addValueChangeListener(change -> {
            if (!change.isFromClient() || tenant == null) {
                return;
            }
            try {
                channels.useAmazonOrdersApi(tenant, connection.id(), change.getValue());
                Notices.success("The order import now reads with Orders API " + change.getValue());
            } catch (RuntimeException failure) {
                Notices.error(FailureMessages.explain(failure));
                choice.setValue(change.getOldValue());
            }
        });
        return choice;
    }

    private Div webhookRow(ConnectionView connection) {
        // a text area, so the whole address shows, wrapped, however long the portal's host name is
        TextArea address = new TextArea("Webhook address");
        address.addClassName("channel-webhook-url");
        address.setReadOnly(true);
        address.setWidthFull();
        address.setValue(webhookAddress(connection.id()));
        address.setHelperText("In the app's webhook subscriptions, send " + WEBHOOK_TOPICS
                + " (JSON, API version " + connection.apiVersion() + ") to this address.");
        // a click in the field selects the whole address, ready to copy
        address.getElement().executeJs("const select = () => this.inputElement && this.inputElement.select();"
                + "this.addEventListener('focusin', select); this.addEventListener('click', select);");
        webhookFields.put(connection.id(), address);
        Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
        copy.addClassName("channel-webhook-copy");
        copy.addThemeVariants(ButtonVariant.TERTIARY);
        copy.setAriaLabel("Copy the webhook address");
        Clipboard.onClick(copy).writeText(address, copied -> Notices.success("Webhook address copied"),
                failed -> Notices.error("The browser did not allow copying. Select the address and press Ctrl+C "
                        + "(⌘C on a Mac)."));
        HorizontalLayout row = new HorizontalLayout(address, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.expand(address);
        return new Div(row);
    }

    private String webhookAddress(UUID connectionId) {
        return baseUrl == null || tenant == null ? ""
                : baseUrl + "/webhooks/shopify/" + tenant.value() + "/" + connectionId;
    }

    private void openForm() {
        ShopifyConnectionForm form = new ShopifyConnectionForm();
        dialog.setId("shopify-dialog");
        dialog.setHeaderTitle("Connect a Shopify store");
        form.addSaveListener(save -> connect(form, save));
        form.addCancelListener(cancel -> dialog.close());
        dialog.removeAll();
        dialog.add(form);
        dialog.open();
    }

    private void openAmazonForm() {
        AmazonConnectionForm form = new AmazonConnectionForm();
        form.addSaveListener(save -> connectAmazon(form, save));
        form.addCancelListener(cancel -> dialog.close());
        dialog.setId("amazon-dialog");
        dialog.setHeaderTitle("Connect an Amazon seller account");
        dialog.removeAll();
        dialog.add(form);
        dialog.open();
    }

    private void connectAmazon(AmazonConnectionForm form, AmazonConnectionForm.SaveEvent save) {
        connectPolled(tenant -> channels.connectAmazon(tenant, save.command()), form::showErrors,
                "an Amazon account");
    }

    /** Connects an account whose orders the flows poll (Amazon, Walmart); field errors go back to its form. */
    private void connectPolled(java.util.function.Function<TenantId, ConnectionView> connect,
            java.util.function.Consumer<Map<String, String>> showErrors, String what) {
        if (tenant == null) {
            return;
        }
        try {
            ConnectionView connected = connect.apply(tenant);
            dialog.close();
            refresh();
            Notices.success("Connected " + connected.name() + ". Its order import runs every few minutes; "
                    + (connected.mode() == ChannelMode.SANDBOX ? "place test orders on its card." : "see Flows."));
        } catch (ChannelValidationException invalid) {
            showErrors.accept(invalid.fieldErrors());
        } catch (RuntimeException e) {
            log.warn("Connecting {} failed", what, e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    private void openWalmartForm() {
        WalmartConnectionForm form = new WalmartConnectionForm();
        form.addSaveListener(save -> connectWalmart(form, save));
        form.addCancelListener(cancel -> dialog.close());
        dialog.setId("walmart-dialog");
        dialog.setHeaderTitle("Connect a Walmart Marketplace seller");
        dialog.removeAll();
        dialog.add(form);
        dialog.open();
    }

    private void connectWalmart(WalmartConnectionForm form, WalmartConnectionForm.SaveEvent save) {
        connectPolled(tenant -> channels.connectWalmart(tenant, save.command()), form::showErrors,
                "a Walmart seller");
    }

    private void connect(ShopifyConnectionForm form, ShopifyConnectionForm.SaveEvent save) {
        if (tenant == null) {
            return;
        }
        try {
            ConnectionView connected = channels.connectShopify(tenant, save.command());
            dialog.close();
            refresh();
            Notices.success("Connected " + connected.name() + ". Add its webhook address to the app's webhook "
                    + "subscriptions next.");
        } catch (ChannelValidationException invalid) {
            form.showErrors(invalid.fieldErrors());
        } catch (RuntimeException e) {
            log.warn("Connecting a Shopify store failed", e);
            Notices.error(FailureMessages.explain(e));
        }
    }

    static String modeLabel(ChannelMode mode) {
        return mode == ChannelMode.LIVE ? "Live" : "Sandbox";
    }

    /** {@code scheme://host[:port]} of the page's address. */
    private static String origin(URL url) {
        return url.getProtocol() + "://" + url.getAuthority();
    }
}
