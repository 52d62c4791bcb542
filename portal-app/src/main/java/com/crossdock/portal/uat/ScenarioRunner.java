package com.crossdock.portal.uat;

import com.crossdock.portal.catalog.CatalogService;
import com.crossdock.portal.catalog.Finding;
import com.crossdock.portal.channel.ChannelMode;
import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.ConnectionView;
import com.crossdock.portal.channel.sandbox.SandboxDelivery;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService;
import com.crossdock.portal.channel.sandbox.ShopifySandboxService.SentWebhook;
import com.crossdock.portal.governance.GovernanceService;
import com.crossdock.portal.governance.ShipMethodMapping;
import com.crossdock.portal.receiving.InboundReceipt;
import com.crossdock.portal.receiving.InboundReceipts;
import com.crossdock.portal.receiving.InboundShipmentCommand;
import com.crossdock.portal.receiving.InboundShipmentView;
import com.crossdock.portal.receiving.ReceivingService;
import com.crossdock.portal.returns.ReturnsService;
import com.crossdock.portal.returns.RmaView;
import com.crossdock.portal.returns.UnitCondition;
import com.crossdock.portal.sync.Flow;
import com.crossdock.portal.sync.FlowService;
import com.crossdock.portal.sync.IntegrationException;
import com.crossdock.portal.sync.InventoryPosition;
import com.crossdock.portal.sync.OrderState;
import com.crossdock.portal.sync.OrderStatus;
import com.crossdock.portal.sync.ShipmentNotice;
import com.crossdock.portal.sync.StockRow;
import com.crossdock.portal.sync.SyncService;
import com.crossdock.portal.sync.WarehouseFeedback;
import com.crossdock.portal.sync.WarehouseTrail;
import com.crossdock.portal.warehouse.WmsConnectionView;
import com.crossdock.portal.warehouse.WmsExchange;
import com.crossdock.portal.warehouse.WmsService;
import com.crossdock.tenantconfig.tenant.TenantId;
import com.crossdock.tenantconfig.truth.DataType;
import com.crossdock.tenantconfig.uat.Expectations;
import com.crossdock.tenantconfig.uat.ItemKind;
import com.crossdock.tenantconfig.uat.ScenarioLine;
import com.crossdock.tenantconfig.uat.ScenarioStep;
import com.crossdock.tenantconfig.uat.ScenarioTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one scenario step by step through the real pipeline, as the system actor the caller set: orders placed in
 * the tenant's sandbox Shopify store arrive as signed webhooks, the sandbox warehouse (through
 * {@link WarehouseFeedback}) ships them, receiving and returns go through their services, stock through the inventory
 * push flow. Each expectation is awaited up to a deadline; each step keeps its outcome, its reason in plain words and
 * its evidence. A step that fails stops the run, and the steps after it are skipped. Only sandbox connections are
 * used: a live store is never touched.
 */
final class ScenarioRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(150);

    private final Deps deps;
    private final TenantId tenant;
    private final UUID runId;
    private final ScenarioTemplate scenario;
    private final Runnable changed;
    private final Duration deadline;
    private ItemPicker.@Nullable Picks picks;
    private @Nullable ConnectionView store;
    private @Nullable SentWebhook lastWebhook;
    private @Nullable UUID orderId;

    /** The services a run drives. */
    record Deps(UatRuns runs, ChannelService channels, ShopifySandboxService sandbox, SyncService sync,
            WarehouseFeedback warehouse, FlowService flows, CatalogService catalog, GovernanceService governance,
            ReceivingService receiving, InboundReceipts receipts, ReturnsService returns, WmsService wms,
            WmsExchange exchange, Clock clock) {
    }

    ScenarioRunner(Deps deps, TenantId tenant, UUID runId, ScenarioTemplate scenario, Duration deadline,
            Runnable changed) {
        this.deps = deps;
        this.tenant = tenant;
        this.runId = runId;
        this.scenario = scenario;
        this.deadline = deadline;
        this.changed = changed;
    }

    /** One step's result. */
    private record Result(StepOutcome outcome, String reason, Map<String, String> evidence) {
    }

    /** A step that cannot go on, with what to do. */
    private static final class StepFailed extends RuntimeException {
        StepFailed(String reason) {
            super(reason);
        }
    }

    void run() {
        ItemPicker.Picks picked = new ItemPicker(deps.catalog()).pick(tenant, scenario);
        picks = picked;
        deps.runs().started(tenant, runId, picked.list());
        changed.run();
        int failedAt = 0;
        String failure = "";
        for (int i = 0; i < scenario.steps().size(); i++) {
            int number = i + 1;
            ScenarioStep step = scenario.steps().get(i);
            if (failedAt > 0) {
                deps.runs().stepFinished(tenant, runId, number, StepOutcome.SKIPPED, "Skipped: step " + failedAt
                        + " failed, and this step builds on it.", Map.of());
                continue;
            }
            deps.runs().stepStarted(tenant, runId, number);
            changed.run();
            Map<String, String> evidence = new LinkedHashMap<>();
            Result result;
            try {
                result = execute(step, evidence);
            } catch (StepFailed e) {
                result = new Result(StepOutcome.FAILED, e.getMessage(), evidence);
            } catch (RuntimeException e) {
                result = new Result(StepOutcome.FAILED, "The step stopped with an error: " + e.getMessage(),
                        evidence);
            }
            deps.runs().stepFinished(tenant, runId, number, result.outcome(), result.reason(), result.evidence());
            if (result.outcome() == StepOutcome.FAILED) {
                failedAt = number;
                failure = result.reason();
            }
            changed.run();
        }
        deps.runs().finished(tenant, runId, failedAt == 0 ? RunStatus.PASSED : RunStatus.FAILED, failedAt == 0
                ? "All " + scenario.steps().size() + " step(s) passed."
                : "Step " + failedAt + " failed: " + failure);
        changed.run();
    }

    private Result execute(ScenarioStep step, Map<String, String> evidence) {
        if (!picks().missing().isEmpty()) {
            throw new StepFailed(String.join(" ", picks().missing().values()));
        }
        List<String> problems = switch (step.kind()) {
            case PLACE_ORDER -> placeOrder(step, evidence);
            case DELIVER_AGAIN -> deliverAgain(step, evidence);
            case CANCEL -> cancel(step, evidence);
            case WAREHOUSE_SHIPS -> ship(step, evidence);
            case WAREHOUSE_RECEIVES -> receive(step, evidence);
            case RETURN -> returnOrder(step, evidence);
            case REPORT_STOCK -> reportStock(step, evidence);
            case PUSH_INVENTORY -> pushInventory(step, evidence);
            case CHECK_CATALOG -> checkCatalog(step, evidence);
        };
        if (!problems.isEmpty()) {
            return new Result(StepOutcome.FAILED, String.join(" ", problems), evidence);
        }
        List<String> met = step.expect().describe();
        return new Result(StepOutcome.PASSED, met.isEmpty() ? "Done." : "As expected: " + String.join("; ", met)
                + ".", evidence);
    }

    // --- the steps -------------------------------------------------------------------------------------------

    private List<String> placeOrder(ScenarioStep step, Map<String, String> evidence) {
        ConnectionView connection = store();
        Map<String, Integer> skus = new LinkedHashMap<>();
        for (ScenarioLine line : step.lines()) {
            String sku = line.unknown() ? "UAT-UNMAPPED-" + runId.toString().substring(0, 6).toUpperCase(Locale.ROOT)
                    : picked(line).channelSku();
            skus.merge(sku, line.quantity(), Integer::sum);
        }
        String method = step.shippingMethod();
        if (ScenarioStep.MAPPED.equals(method)) {
            method = mapping().serviceLevel();
        }
        SentWebhook sent = deps.sandbox().placeAndSend(tenant, connection.id(), skus,
                step.mode().equals("INCOMPLETE_ADDRESS"), method);
        lastWebhook = sent;
        evidence.put("Store", connection.name() + " (" + connection.shopDomain() + ", sandbox)");
        evidence.put("Webhook sent", sent.topic() + " of " + sent.orderName() + ", webhook id " + sent.webhookId());
        evidence.put("Webhook body", sent.body());
        evidence.put("Portal's answer", "HTTP " + sent.status() + " " + sent.response());
        if (!sent.accepted()) {
            throw new StepFailed("The portal refused the store's webhook (HTTP " + sent.status() + " "
                    + sent.response() + "); check the connection's webhook secret in Channels.");
        }
        UUID order = await(() -> deps.warehouse().orderOf(tenant, connection.id(), sent.channelOrderId()),
                Optional::isPresent).orElseThrow(() -> new StepFailed("The store sent " + sent.orderName()
                        + " and the portal took the webhook, but after " + deadline.toSeconds() + " s it has no "
                        + "order for it; look in Exceptions for a payload the pipeline could not read."));
        orderId = order;
        evidence.put("Order id", order.toString());
        return checkOrder(step.expect(), evidence);
    }

    private List<String> deliverAgain(ScenarioStep step, Map<String, String> evidence) {
        SentWebhook earlier = lastWebhook;
        if (earlier == null) {
            throw new StepFailed("There is no webhook to send again: an earlier step places the order.");
        }
        SentWebhook again = deps.sandbox().deliverAgain(tenant, store().id(), earlier);
        evidence.put("Webhook sent again", again.topic() + " of " + again.orderName() + ", same webhook id "
                + again.webhookId());
        evidence.put("Portal's answer", "HTTP " + again.status() + " " + again.response());
        if (!again.accepted()) {
            return List.of("The portal refused the repeated webhook (HTTP " + again.status() + "); Shopify would "
                    + "keep retrying it. A repeat must be answered 2xx and ignored.");
        }
        return checkOrder(step.expect(), evidence);
    }

    private List<String> cancel(ScenarioStep step, Map<String, String> evidence) {
        SandboxDelivery delivery = deps.sandbox().cancel(tenant, store().id(), requireWebhook().orderName());
        evidence.put("Webhook sent", delivery.topic() + " of " + delivery.orderName() + ", webhook id "
                + delivery.webhookId());
        evidence.put("Portal's answer", "HTTP " + delivery.status() + " " + delivery.response());
        return checkOrder(step.expect(), evidence);
    }

    private List<String> ship(ScenarioStep step, Map<String, String> evidence) {
        UUID order = requireOrder();
        OrderState state = awaitOrderState(order, s -> s.status() != OrderStatus.IMPORTED);
        if (state.status() != OrderStatus.RELEASED) {
            throw new StepFailed("The warehouse ships released orders only, and " + state.orderName() + " is "
                    + state.status() + holds(state) + ".");
        }
        Optional<WmsService.Account> account = deps.wms().account(tenant);
        if (account.isPresent()) {
            return shipThroughWms(step, evidence, state, account.get());
        }
        WarehouseFeedback.OutboxMessage message = deps.warehouse().unsent(tenant, 1000).stream()
                .filter(m -> m.orderId().equals(order) && m.kind().equals("ORDER")).findFirst()
                .orElseThrow(() -> new StepFailed("The order's warehouse message was taken already, so the sandbox "
                        + "warehouse cannot ship it; run the scenario again."));
        evidence.put("Warehouse message taken", message.payload());
        deps.warehouse().markSent(tenant, message.id(), "Taken by the UAT sandbox warehouse");
        deps.warehouse().progress(tenant, order, OrderStatus.PICKED, "Picked by the UAT sandbox warehouse");
        deps.warehouse().progress(tenant, order, OrderStatus.PACKED, "Packed by the UAT sandbox warehouse");
        Map<String, Integer> units = new LinkedHashMap<>();
        state.lines().stream().filter(OrderState.Line::resolved)
                .forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
        List<List<ShipmentNotice.Line>> cartons = cartons(units, step.mode());
        Instant now = deps.clock().instant();
        for (int i = 0; i < cartons.size(); i++) {
            String ref = "UAT-" + order.toString().substring(0, 8) + "-" + (i + 1);
            ShipmentNotice notice = new ShipmentNotice(ref, "UPS", "Ground",
                    List.of("1ZUAT" + Math.floorMod(order.getLeastSignificantBits() + i, 1_000_000_000L)), now,
                    cartons.get(i));
            boolean recorded = deps.warehouse().recordShipment(tenant, order, notice);
            evidence.put("Shipment " + (i + 1), ref + ": " + cartons.get(i).stream().map(line -> line.masterSku()
                    + " × " + line.quantity()).toList() + (recorded ? "" : " (refused: see Exceptions)"));
        }
        if (deps.flows().connections(tenant).stream().flatMap(c -> c.flows().stream())
                .anyMatch(f -> f.connectionId().equals(store().id()) && f.flow() == Flow.FULFILLMENT_WRITEBACK
                        && f.enabled())) {
            deps.flows().runNow(tenant, store().id(), Flow.FULFILLMENT_WRITEBACK);
            evidence.put("Fulfillment write-back", "started, to tell the store the tracking numbers");
        } else {
            evidence.put("Fulfillment write-back", "off for this store, so the store is not told");
        }
        return checkOrder(step.expect(), evidence);
    }

    /**
     * A brand with an account at a warehouse gets its orders there as 940s: at a sandbox warehouse, exchanges run
     * until the simulator's 945 is applied; a live warehouse is never sent anything by UAT.
     */
    private List<String> shipThroughWms(ScenarioStep step, Map<String, String> evidence, OrderState state,
            WmsService.Account account) {
        WmsConnectionView warehouse = deps.wms().connections().stream()
                .filter(connection -> connection.id().equals(account.connectionId())).findFirst()
                .orElseThrow(() -> new StepFailed("The brand's warehouse account names a warehouse that is gone; "
                        + "assign the brand to a warehouse in Warehouse."));
        if (warehouse.mode() != ChannelMode.SANDBOX) {
            throw new StepFailed("The brand's orders go to " + warehouse.name() + ", a live warehouse, as 940s, and "
                    + "UAT never sends orders to a live warehouse: give the brand an account at a sandbox warehouse "
                    + "for UAT (Warehouse).");
        }
        String asked = switch (step.mode()) {
            case "SPLIT" -> "SPLIT_CARTONS";
            case "SHORT" -> "SHORT_SHIP";
            default -> "SHIP_COMPLETE";
        };
        evidence.put("Sandbox warehouse", warehouse.name() + " (customer code " + account.customerCode()
                + ") ships as " + warehouse.sandboxShipping() + (asked.equals(warehouse.sandboxShipping()) ? ""
                : "; this step asks for " + asked + ", which the 3PL sets per sandbox warehouse in Warehouse"));
        UUID order = state.id();
        Expectations expect = step.expect();
        OrderState after = await(() -> {
            deps.exchange().exchange(warehouse.id());
            return deps.sync().order(tenant, order).orElseThrow();
        }, s -> expect.status() == null ? s.status() == OrderStatus.SHIPPED : s.status().name().equals(
                expect.status()), Duration.ofSeconds(1));
        evidence.put("After the exchanges", after.orderName() + ": " + after.status());
        deps.wms().documents(tenant, 200).stream()
                .filter(document -> after.orderName().equals(document.orderName()))
                .forEach(document -> evidence.put("X12 " + document.direction() + " " + document.transactionSet()
                        + " " + document.interchangeNo() + " (" + document.status() + ")", document.segments()));
        return checkOrder(expect, evidence);
    }

    private static List<List<ShipmentNotice.Line>> cartons(Map<String, Integer> units, String mode) {
        List<ShipmentNotice.Line> all = new ArrayList<>();
        units.forEach((sku, quantity) -> all.add(new ShipmentNotice.Line(sku, quantity)));
        return switch (mode) {
            case "SPLIT" -> {
                if (all.size() >= 2) {
                    yield List.of(all.subList(0, all.size() / 2), all.subList(all.size() / 2, all.size()));
                }
                ShipmentNotice.Line only = all.getFirst();
                yield only.quantity() < 2 ? List.of(all) : List.of(
                        List.of(new ShipmentNotice.Line(only.masterSku(), only.quantity() / 2)),
                        List.of(new ShipmentNotice.Line(only.masterSku(), only.quantity() - only.quantity() / 2)));
            }
            case "SHORT" -> {
                List<ShipmentNotice.Line> short1 = new ArrayList<>(all.subList(0, all.size() - 1));
                ShipmentNotice.Line last = all.getLast();
                if (last.quantity() > 1) {
                    short1.add(new ShipmentNotice.Line(last.masterSku(), last.quantity() - 1));
                }
                yield short1.isEmpty() ? List.of() : List.of(short1);
            }
            default -> List.of(all);
        };
    }

    private List<String> receive(ScenarioStep step, Map<String, String> evidence) {
        String reference = "UAT-" + runId.toString().substring(0, 8) + "-" + scenario.steps().indexOf(step);
        List<InboundShipmentCommand.Line> lines = step.lines().stream()
                .map(line -> new InboundShipmentCommand.Line(picked(line).masterSku(), line.quantity())).toList();
        InboundShipmentView created = deps.receiving().create(tenant, new InboundShipmentCommand(reference,
                "UAT sandbox carrier", LocalDate.now(deps.clock()).plusDays(1), lines));
        deps.receiving().sendToWarehouse(tenant, created.id());
        List<InboundReceipt.Line> received = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            InboundShipmentCommand.Line line = lines.get(i);
            boolean first = i == 0;
            boolean last = i == lines.size() - 1;
            int units = line.quantity() - (step.mode().equals("PARTIAL") && first ? 1 : 0);
            int damaged = step.mode().equals("DAMAGED") && last ? 1 : 0;
            received.add(new InboundReceipt.Line(String.valueOf(line.sku()), units, damaged));
        }
        InboundReceipt receipt = new InboundReceipt("UAT-" + reference, true, received);
        var outcome = deps.receipts().applyReceipt(tenant, reference, receipt);
        evidence.put("Inbound shipment", reference + " (id " + created.id() + "): " + lines.stream()
                .map(line -> line.sku() + " × " + line.quantity()).toList());
        evidence.put("Warehouse receipt", received.stream().map(line -> line.sku() + ": " + line.received()
                + " received, " + line.damaged() + " damaged").toList() + " → " + outcome);
        InboundShipmentView after = deps.receiving().shipments(tenant).stream()
                .filter(shipment -> shipment.id().equals(created.id())).findFirst().orElseThrow();
        evidence.put("Inbound status", after.status().name());
        evidence.put("Discrepancies", after.discrepancies().isEmpty() ? "none" : after.discrepancies().toString());
        List<String> problems = new ArrayList<>();
        Expectations expect = step.expect();
        if (expect.inboundStatus() != null && !after.status().name().equals(expect.inboundStatus())) {
            problems.add("Expected the inbound shipment " + expect.inboundStatus() + ", it is " + after.status()
                    + ".");
        }
        if (expect.discrepancy() != null && after.discrepancies().stream()
                .noneMatch(d -> d.kind().name().equals(expect.discrepancy()))) {
            problems.add("Expected a " + expect.discrepancy() + " discrepancy to be recorded, and there is none"
                    + (after.discrepancies().isEmpty() ? "" : " (only " + after.discrepancies().stream()
                    .map(d -> d.kind().name()).distinct().toList() + ")") + ".");
        }
        return problems;
    }

    private List<String> returnOrder(ScenarioStep step, Map<String, String> evidence) {
        UUID order = requireOrder();
        String orderName = requireWebhook().orderName();
        WarehouseTrail trail = await(() -> deps.sync().warehouseTrail(tenant, order), t -> !t.shipments().isEmpty()
                && t.shipments().stream().allMatch(s -> s.writebackStatus().equals("POSTED")));
        if (trail.shipments().isEmpty() || !trail.shipments().stream()
                .allMatch(s -> s.writebackStatus().equals("POSTED"))) {
            throw new StepFailed("The buyer can return only what the store shows as shipped, and the store was not "
                    + "told of the shipment within " + deadline.toSeconds() + " s (write-back: "
                    + trail.shipments().stream().map(WarehouseTrail.Shipment::writebackStatus).toList()
                    + "); switch on the fulfillment write-back in Flows.");
        }
        SandboxDelivery delivery = deps.sandbox().requestReturn(tenant, store().id(), orderName);
        evidence.put("Webhook sent", delivery.topic() + " of " + delivery.orderName() + ", webhook id "
                + delivery.webhookId());
        Optional<RmaView> found = await(() -> deps.returns().find(tenant, orderName), Optional::isPresent);
        RmaView rma = found.orElseThrow(() -> new StepFailed("The store's return request for " + orderName
                + " became no RMA within " + deadline.toSeconds() + " s; look in Exceptions."));
        evidence.put("RMA", rma.number() + " (id " + rma.id() + ") for " + rma.orderName());
        List<String> bench = new ArrayList<>();
        for (RmaView.Line line : rma.lines()) {
            for (int unit = line.received(); unit < line.expected(); unit++) {
                bench.add(deps.returns().receiveUnit(tenant, rma.id(), line.sku(), UnitCondition.OPENED).message());
            }
        }
        RmaView finished = deps.returns().finishReceipt(tenant, rma.id());
        evidence.put("Returns bench", String.join("\n", bench));
        evidence.put("RMA status", finished.status().name());
        String expected = step.expect().rmaStatus();
        if (expected != null && !finished.status().name().equals(expected)) {
            return List.of("Expected the return " + expected + ", it is " + finished.status() + " (" + String.join(
                    "; ", bench) + "). If units were restocked at once, a returns rule (Returns › Returns rules) "
                    + "skips the inspection.");
        }
        return List.of();
    }

    private List<String> reportStock(ScenarioStep step, Map<String, String> evidence) {
        List<InventoryPosition> positions = step.lines().stream().map(line -> {
            int units = step.mode().equals("NONE_LEFT") ? 0 : line.quantity();
            return new InventoryPosition(picked(line).masterSku(), units, units);
        }).toList();
        int applied = deps.warehouse().recordInventory(tenant, positions, "UAT", deps.clock().instant());
        evidence.put("Stock reported", positions.stream().map(p -> p.masterSku() + ": " + p.available()
                + " available").toList() + " → " + applied + " applied");
        if (applied == 0) {
            throw new StepFailed("The warehouse's stock report was not applied: in the source of truth, available "
                    + "inventory is owned by " + deps.governance().owner(tenant, DataType.AVAILABLE_INVENTORY).label()
                    + ", not the warehouse, so the report became an ownership-conflict exception. Choose the owner "
                    + "in Setup.");
        }
        return List.of();
    }

    private List<String> pushInventory(ScenarioStep step, Map<String, String> evidence) {
        ConnectionView connection = store();
        Instant asked = deps.flows().runs(tenant, connection.id(), Flow.INVENTORY_PUSH, 1).stream().findFirst()
                .map(FlowService.RunView::startedAt).orElse(Instant.EPOCH);
        try {
            deps.flows().runNow(tenant, connection.id(), Flow.INVENTORY_PUSH);
        } catch (IllegalStateException e) {
            throw new StepFailed(e.getMessage() + " (Flows, store " + connection.name() + ").");
        }
        List<FlowService.RunView> runs = await(() -> deps.flows().runs(tenant, connection.id(), Flow.INVENTORY_PUSH,
                1), list -> !list.isEmpty() && list.getFirst().startedAt().isAfter(asked)
                && list.getFirst().finishedAt() != null);
        if (runs.isEmpty() || !runs.getFirst().startedAt().isAfter(asked) || runs.getFirst().finishedAt() == null) {
            throw new StepFailed("The inventory push did not run within " + deadline.toSeconds() + " s; check that "
                    + "the scheduler is up (Health) and the flow is on (Flows).");
        }
        FlowService.RunView run = runs.getFirst();
        evidence.put("Inventory push", run.outcome() + ": " + run.message() + " (" + run.recordsOut() + " pushed, "
                + run.recordsFailed() + " failed)");
        List<String> listings = picks().picked().values().stream().map(PickedItem::channelSku).toList();
        List<StockRow> rows = deps.sync().stock(tenant).stream()
                .filter(row -> row.connectionName().equals(connection.name()) && listings.contains(row.channelSku()))
                .toList();
        evidence.put("Store vs warehouse", rows.stream().map(row -> row.channelSku() + ": store told "
                + row.pushed() + ", warehouse can sell " + row.sellable()).toList().toString());
        List<String> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(step.expect().noOversell())) {
            for (String listing : listings) {
                Optional<StockRow> row = rows.stream().filter(r -> r.channelSku().equals(listing)).findFirst();
                if (row.isEmpty() || row.get().pushed() == null) {
                    problems.add("The store was never told a quantity of " + listing + " (push: " + run.message()
                            + ").");
                } else if (row.get().pushed() > row.get().sellable()) {
                    problems.add("The store may sell " + row.get().pushed() + " of " + listing + " while the "
                            + "warehouse can sell " + row.get().sellable() + ": it would oversell (push: "
                            + run.message() + ").");
                }
            }
        }
        return problems;
    }

    private List<String> checkCatalog(ScenarioStep step, Map<String, String> evidence) {
        List<Finding> findings = deps.catalog().findings(tenant);
        List<String> skus = picks().picked().values().stream().flatMap(item -> item.perSale().keySet().stream())
                .toList();
        evidence.put("Items checked", String.join(", ", skus));
        evidence.put("Catalog findings", findings.isEmpty() ? "none" : findings.stream()
                .map(f -> f.kind() + ": " + f.problem()).toList().toString());
        String kind = step.expect().findingAbsent();
        if (kind == null) {
            return List.of();
        }
        return findings.stream().filter(f -> f.kind().name().equals(kind))
                .filter(f -> f.skus().stream().anyMatch(skus::contains))
                .map(f -> f.problem() + ". " + f.fix()).toList();
    }

    // --- the checks on an order ------------------------------------------------------------------------------

    private List<String> checkOrder(Expectations expect, Map<String, String> evidence) {
        UUID order = requireOrder();
        OrderState state = awaitOrderState(order, s -> expect.status() == null ? s.status() != OrderStatus.IMPORTED
                : s.status().name().equals(expect.status()));
        WarehouseTrail trail = await(() -> deps.sync().warehouseTrail(tenant, order), t -> documentsMet(expect, t));
        evidence.put("Order", state.orderName() + ": " + state.status() + holds(state));
        evidence.put("Warehouse lines", String.join("\n", deps.sync().warehouseLines(tenant, order)));
        for (WarehouseTrail.Message message : trail.messages()) {
            evidence.put("Warehouse message " + message.kind() + " (" + message.id() + ")", message.payload());
        }
        if (!trail.shipments().isEmpty()) {
            evidence.put("Shipments", trail.shipments().stream().map(s -> s.warehouseRef() + " " + s.carrier() + " "
                    + s.trackingNumbers() + " (store: " + s.writebackStatus() + ")").toList().toString());
        }
        List<String> problems = new ArrayList<>();
        if (expect.status() != null && !state.status().name().equals(expect.status())) {
            problems.add("Expected " + state.orderName() + " " + expect.status() + ", it is " + state.status()
                    + holds(state) + ".");
        }
        if (expect.holdReasonContains() != null && state.holdReasons().stream().noneMatch(reason -> reason
                .toLowerCase(Locale.ROOT).contains(expect.holdReasonContains().toLowerCase(Locale.ROOT)))) {
            problems.add("Expected a hold reason with \"" + expect.holdReasonContains() + "\", and there is "
                    + (state.holdReasons().isEmpty() ? "none" : "only: " + String.join("; ", state.holdReasons()))
                    + ".");
        }
        if (expect.documentSent() != null) {
            String kind = expect.documentSent().equals("940") ? "ORDER" : "CANCEL";
            if (trail.count(kind) == 0) {
                problems.add("Expected the warehouse to get " + (kind.equals("ORDER") ? "the order (a 940)"
                        : "a cancel") + ", and nothing was queued for it.");
            }
        }
        if (Boolean.TRUE.equals(expect.releasedOnce()) && trail.count("ORDER") != 1) {
            problems.add("Expected the order to reach the warehouse exactly once; it was queued "
                    + trail.count("ORDER") + " time(s).");
        }
        if (expect.shipments() != null && trail.shipments().size() != expect.shipments()) {
            problems.add("Expected " + expect.shipments() + " shipment(s), there are " + trail.shipments().size()
                    + ".");
        }
        if (expect.warehouseLines() != null && state.lines().size() != expect.warehouseLines()) {
            problems.add("Expected " + expect.warehouseLines() + " warehouse line(s), there are "
                    + state.lines().size() + ".");
        }
        if (expect.fromBundle() != null && state.lines().stream().anyMatch(l -> l.fromBundle() != null)
                != expect.fromBundle()) {
            problems.add(expect.fromBundle() ? "Expected the bundle exploded into its components, and no warehouse "
                    + "line came from a bundle: define it as a virtual bundle in Bundles."
                    : "Expected no line from a bundle.");
        }
        Optional<String> payload = trail.messages().stream().filter(m -> m.kind().equals("ORDER"))
                .map(WarehouseTrail.Message::payload).findFirst();
        if (expect.outboxContains() != null && payload.filter(p -> p.contains(expect.outboxContains())).isEmpty()) {
            problems.add("Expected the warehouse message to contain \"" + expect.outboxContains() + "\", and it "
                    + "does not.");
        }
        if (Boolean.TRUE.equals(expect.carrierMapped())) {
            problems.addAll(carrierMapped(payload));
        }
        if (Boolean.TRUE.equals(expect.prepSent())) {
            problems.addAll(prepSent(payload));
        }
        if (expect.exceptionReason() != null) {
            List<IntegrationException> open = await(() -> deps.sync().openExceptions(tenant), list -> list.stream()
                    .anyMatch(e -> matches(e, expect.exceptionReason(), state.orderName())));
            Optional<IntegrationException> match = open.stream()
                    .filter(e -> matches(e, expect.exceptionReason(), state.orderName())).findFirst();
            match.ifPresent(e -> evidence.put("Exception", e.reasonCode() + " (" + e.id() + "): " + e.message()));
            if (match.isEmpty()) {
                problems.add("Expected an open " + expect.exceptionReason() + " exception for " + state.orderName()
                        + ", and there is none.");
            }
        }
        return problems;
    }

    private static boolean matches(IntegrationException exception, String reason, String orderName) {
        return exception.reasonCode().equals(reason) && exception.subject().contains(orderName);
    }

    private boolean documentsMet(Expectations expect, WarehouseTrail trail) {
        if (expect.documentSent() != null && trail.count(expect.documentSent().equals("940") ? "ORDER" : "CANCEL")
                == 0) {
            return false;
        }
        return expect.shipments() == null || trail.shipments().size() >= expect.shipments();
    }

    private List<String> carrierMapped(Optional<String> payload) {
        ShipMethodMapping mapping = mapping();
        if (payload.isEmpty()) {
            return List.of("No warehouse message to check the carrier on.");
        }
        JsonNode json = JSON.readTree(payload.get());
        String scac = json.path("carrierScac").asString("");
        String service = json.path("serviceCode").asString("");
        if (!scac.equals(mapping.carrierScac()) || !service.equals(mapping.serviceCode())) {
            return List.of("The store's method \"" + mapping.serviceLevel() + "\" maps to " + mapping.carrierScac()
                    + " " + mapping.serviceCode() + ", and the warehouse message names " + (scac.isEmpty() ? "no carrier"
                    : scac + " " + service) + ".");
        }
        return List.of();
    }

    private List<String> prepSent(Optional<String> payload) {
        List<String> fba = picks().picked().values().stream()
                .filter(item -> item.kind() == ItemKind.FBA_BOUND || item.kind() == ItemKind.FBA_WITH_PREP)
                .map(PickedItem::masterSku).toList();
        if (payload.isEmpty()) {
            return List.of("No warehouse message to check the prep instructions on.");
        }
        List<String> problems = new ArrayList<>();
        JsonNode lines = JSON.readTree(payload.get()).path("lines");
        for (JsonNode line : lines) {
            String sku = line.path("sku").asString("");
            if (fba.contains(sku) && (line.path("prep").isNull() || line.path("prep").asString("").isBlank())) {
                problems.add("The warehouse line of " + sku + " carries no prep instructions, so the warehouse "
                        + "would send it to FBA unprepared: set its FBA prep attributes (category, prep types, prep "
                        + "by the seller) in Catalog.");
            }
        }
        return problems;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private ConnectionView store() {
        if (store == null) {
            store = deps.channels().connections(tenant).stream()
                    .filter(c -> c.mode() == ChannelMode.SANDBOX && c.channel().equals("SHOPIFY")).findFirst()
                    .orElseThrow(() -> new StepFailed("The brand has no sandbox Shopify store, and UAT never touches "
                            + "a live one: connect a Shopify store in sandbox mode in Channels."));
        }
        return store;
    }

    private ShipMethodMapping mapping() {
        return deps.governance().shipMethods(tenant).stream().findFirst().orElseThrow(() -> new StepFailed(
                "This step orders with one of the brand's mapped shipping methods, and none is mapped: map the "
                        + "store's shipping methods to the warehouse's carrier and service in Setup."));
    }

    private ItemPicker.Picks picks() {
        return java.util.Objects.requireNonNull(picks, "picks");
    }

    private void requirePicked(ScenarioLine line) {
        if (line.item() != null && !picks().picked().containsKey(line.item())) {
            throw new StepFailed(picks().missing().getOrDefault(line.item(), "No item was picked for "
                    + line.item() + "."));
        }
    }

    private PickedItem picked(ScenarioLine line) {
        requirePicked(line);
        return picks().picked().get(java.util.Objects.requireNonNull(line.item()));
    }

    private UUID requireOrder() {
        if (orderId == null) {
            throw new StepFailed("There is no order to act on: an earlier step places it.");
        }
        return orderId;
    }

    private SentWebhook requireWebhook() {
        if (lastWebhook == null) {
            throw new StepFailed("There is no order to act on: an earlier step places it.");
        }
        return lastWebhook;
    }

    private OrderState awaitOrderState(UUID order, Predicate<OrderState> done) {
        return await(() -> deps.sync().order(tenant, order), found -> found.filter(done).isPresent())
                .orElseThrow(() -> new StepFailed("The order is gone."));
    }

    private static String holds(OrderState state) {
        return state.holdReasons().isEmpty() ? "" : " (" + String.join("; ", state.holdReasons()) + ")";
    }

    /** Reads until {@code done} holds or the deadline passes; answers the last reading either way. */
    private <T> T await(Supplier<T> read, Predicate<T> done) {
        return await(read, done, POLL);
    }

    /** As {@link #await(Supplier, Predicate)}, reading every {@code pause} (an SFTP exchange is not a query). */
    private <T> T await(Supplier<T> read, Predicate<T> done, Duration pause) {
        long until = System.nanoTime() + deadline.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < until) {
            LockSupport.parkNanos(pause.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                throw new StepFailed("The run was interrupted (the portal is stopping).");
            }
            value = read.get();
        }
        return value;
    }
}
