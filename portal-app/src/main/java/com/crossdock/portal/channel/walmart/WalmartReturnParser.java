package com.crossdock.portal.channel.walmart;

import static com.crossdock.portal.channel.walmart.WalmartOrderParser.MAPPER;
import static com.crossdock.portal.channel.walmart.WalmartOrderParser.array;
import static com.crossdock.portal.channel.walmart.WalmartOrderParser.kind;
import static com.crossdock.portal.channel.walmart.WalmartOrderParser.object;
import static com.crossdock.portal.channel.walmart.WalmartOrderParser.optionalText;
import static com.crossdock.portal.channel.walmart.WalmartOrderParser.readObject;
import static com.crossdock.portal.channel.walmart.WalmartOrderParser.requiredText;

import com.crossdock.portal.channel.PayloadProblem;
import com.crossdock.portal.order.ChannelReturn;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Walmart's Returns API and the refund side of a purchase order → Crossdock's records: a {@code GET /v3/returns}
 * page (each return order's JSON as it came, and {@code meta.nextCursor}), a return order → one
 * {@link ChannelReturn} per purchase order its lines belong to, and what a purchase order says of each line's product
 * charge, tax and refunds (for the refund of returned units and to find a refund sent before). Strict like
 * {@link WalmartOrderParser}: anything it cannot use is a {@link WalmartPayloadException} naming the JSON path.
 */
public final class WalmartReturnParser {

    /** One {@code GET /v3/returns} page: each return order's JSON as Walmart sent it, and the next page's cursor. */
    public record ReturnsPage(List<String> returns, @Nullable String nextCursor) {
    }

    /**
     * The part of a Walmart return order that belongs to one purchase order.
     *
     * @param request  the return as Crossdock keeps every channel's (channel order id: the purchase order id;
     *                 channel line id: the purchase order's line number)
     * @param amount   what Walmart says the buyer gets back for these lines (unit price × units), or null
     * @param currency the amount's currency
     */
    public record Part(ChannelReturn request, @Nullable BigDecimal amount, String currency) {
    }

    /**
     * A purchase order line's charges per unit, as the order shows them.
     *
     * @param unitPrice the product charge of one unit
     * @param unitTax   the tax on it
     * @param currency  the charge's currency
     * @param shipped   units shipped (or delivered)
     * @param refunded  what was refunded of the line already (a positive amount, product and tax)
     */
    public record LineCharge(BigDecimal unitPrice, BigDecimal unitTax, String currency, int shipped,
            BigDecimal refunded) {
    }

    public ReturnsPage parseReturnsPage(byte[] json) {
        JsonNode root = readObject(json);
        JsonNode meta = root.get("meta");
        String cursor = meta == null || meta.isNull() ? null : optionalText(object(meta, "$.meta"), "nextCursor",
                "$.meta");
        JsonNode orders = root.get("returnOrders");
        List<String> raw = new ArrayList<>();
        if (orders != null && !orders.isNull()) {
            List<JsonNode> list = array(orders, "$.returnOrders");
            for (int i = 0; i < list.size(); i++) {
                raw.add(MAPPER.writeValueAsString(object(list.get(i), "$.returnOrders[" + i + "]")));
            }
        }
        return new ReturnsPage(raw, raw.isEmpty() ? null : cursor);
    }

    /** The return order id in a return's JSON, or null when it has none (the return then fails parsing). */
    public @Nullable String returnOrderIdOf(String returnJson) {
        try {
            JsonNode id = MAPPER.readTree(returnJson).get("returnOrderId");
            return id != null && id.isString() && !id.asString().isBlank() ? id.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * A return order: one part per purchase order (nearly always one; its reference is the return order id, else
     * {@code returnOrderId/purchaseOrderId}). A line with a {@code returnCancellationReason} was called off; a return
     * whose every line was is {@code CANCELLED}, else {@code OPEN}. Changed at the newest of its date and its lines'
     * tracking events.
     */
    public List<Part> parseReturn(byte[] json) {
        JsonNode order = readObject(json);
        String id = requiredText(order, "returnOrderId", "$");
        Instant updated = instant(order, "returnOrderDate", "$");
        List<JsonNode> lineNodes = array(order.get("returnOrderLines"), "$.returnOrderLines");
        if (lineNodes.isEmpty()) {
            throw new WalmartPayloadException(PayloadProblem.MISSING_FIELD, "$.returnOrderLines",
                    "the return has no lines");
        }
        record Read(String purchaseOrder, ChannelReturn.Line line, boolean calledOff, @Nullable BigDecimal amount,
                String currency) {
        }
        List<Read> read = new ArrayList<>();
        for (int i = 0; i < lineNodes.size(); i++) {
            String path = "$.returnOrderLines[" + i + "]";
            JsonNode line = object(lineNodes.get(i), path);
            String purchaseOrder = requiredText(line, "purchaseOrderId", path);
            String lineNumber = wholeNumber(line, "purchaseOrderLineNumber", path);
            String sku = requiredText(object(line.get("item"), path + ".item"), "sku", path + ".item");
            int quantity = Integer.parseInt(wholeNumber(object(line.get("quantity"), path + ".quantity"),
                    "measurementValue", path + ".quantity"));
            String reason = optionalText(line, "returnReason", path);
            for (String times : List.of("currentTrackingStatuses", "returnTrackingDetail")) {
                JsonNode events = line.get(times);
                if (events != null && !events.isNull()) {
                    List<JsonNode> list = array(events, path + "." + times);
                    for (int e = 0; e < list.size(); e++) {
                        String eventPath = path + "." + times + "[" + e + "]";
                        JsonNode event = object(list.get(e), eventPath);
                        String field = event.has("statusTime") ? "statusTime" : "eventTime";
                        if (event.has(field)) {
                            Instant at = instant(event, field, eventPath);
                            updated = at.isAfter(updated) ? at : updated;
                        }
                    }
                }
            }
            JsonNode price = line.get("unitPrice");
            BigDecimal amount = null;
            String currency = "USD";
            if (price != null && !price.isNull()) {
                JsonNode unit = object(price, path + ".unitPrice");
                amount = currencyAmount(unit, path + ".unitPrice").multiply(BigDecimal.valueOf(Math.max(0, quantity)));
                String named = optionalText(unit, "currencyUnit", path + ".unitPrice");
                currency = named == null ? currency : named;
            }
            read.add(new Read(purchaseOrder, new ChannelReturn.Line(lineNumber, sku, quantity,
                    reason == null ? "" : reason), optionalText(line, "returnCancellationReason", path) != null,
                    amount, currency));
        }
        Map<String, List<Read>> byOrder = new LinkedHashMap<>();
        read.forEach(line -> byOrder.computeIfAbsent(line.purchaseOrder(), key -> new ArrayList<>()).add(line));
        List<Part> parts = new ArrayList<>();
        for (var entry : byOrder.entrySet()) {
            List<Read> lines = entry.getValue();
            String status = lines.stream().allMatch(Read::calledOff) ? "CANCELLED" : "OPEN";
            BigDecimal amount = lines.stream().anyMatch(line -> line.amount() == null) ? null
                    : lines.stream().map(Read::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            parts.add(new Part(new ChannelReturn(byOrder.size() == 1 ? id : id + "/" + entry.getKey(),
                    entry.getKey(), status, updated, lines.stream().map(Read::line).toList()), amount,
                    lines.getFirst().currency()));
        }
        return parts;
    }

    /**
     * Each line of a purchase order ({@code GET /v3/orders/{id}}'s {@code order}) with its product charge and tax
     * per unit, units shipped and what was refunded of it already; keyed by line number.
     */
    public Map<String, LineCharge> lineCharges(String orderJson) {
        JsonNode order = readObject(orderJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, LineCharge> charges = new LinkedHashMap<>();
        List<JsonNode> lines = array(object(order.get("orderLines"), "$.orderLines").get("orderLine"),
                "$.orderLines.orderLine");
        for (int i = 0; i < lines.size(); i++) {
            String path = "$.orderLines.orderLine[" + i + "]";
            JsonNode line = object(lines.get(i), path);
            int ordered = Integer.parseInt(wholeNumber(object(line.get("orderLineQuantity"),
                    path + ".orderLineQuantity"), "amount", path + ".orderLineQuantity"));
            BigDecimal price = BigDecimal.ZERO;
            BigDecimal tax = BigDecimal.ZERO;
            String currency = "USD";
            JsonNode chargeList = line.path("charges").get("charge");
            List<JsonNode> lineCharges = chargeList == null || chargeList.isNull() ? List.of()
                    : array(chargeList, path + ".charges.charge");
            for (int c = 0; c < lineCharges.size(); c++) {
                String chargePath = path + ".charges.charge[" + c + "]";
                JsonNode charge = object(lineCharges.get(c), chargePath);
                if (!"PRODUCT".equals(optionalText(charge, "chargeType", chargePath))) {
                    continue;
                }
                JsonNode amount = object(charge.get("chargeAmount"), chargePath + ".chargeAmount");
                price = price.add(WalmartOrderParser.money(amount, chargePath + ".chargeAmount"));
                String named = optionalText(amount, "currency", chargePath + ".chargeAmount");
                currency = named == null ? currency : named;
                JsonNode taxAmount = charge.path("tax").get("taxAmount");
                if (taxAmount != null && !taxAmount.isNull()) {
                    tax = tax.add(WalmartOrderParser.money(object(taxAmount, chargePath + ".tax.taxAmount"),
                            chargePath + ".tax.taxAmount"));
                }
            }
            int shipped = 0;
            JsonNode statusList = line.path("orderLineStatuses").get("orderLineStatus");
            List<JsonNode> statuses = statusList == null || statusList.isNull() ? List.of()
                    : array(statusList, path + ".orderLineStatuses.orderLineStatus");
            for (int s = 0; s < statuses.size(); s++) {
                String statusPath = path + ".orderLineStatuses.orderLineStatus[" + s + "]";
                JsonNode status = object(statuses.get(s), statusPath);
                String name = requiredText(status, "status", statusPath);
                if (name.equals("Shipped") || name.equals("Delivered")) {
                    shipped += Integer.parseInt(wholeNumber(object(status.get("statusQuantity"),
                            statusPath + ".statusQuantity"), "amount", statusPath + ".statusQuantity"));
                }
            }
            BigDecimal refunded = BigDecimal.ZERO;
            for (JsonNode refund : refunds(line, path)) {
                refunded = refunded.add(refundTotal(refund));
            }
            BigDecimal units = BigDecimal.valueOf(Math.max(1, ordered));
            charges.put(requiredText(line, "lineNumber", path), new LineCharge(
                    price.divide(units, 2, RoundingMode.HALF_UP), tax.divide(units, 2, RoundingMode.HALF_UP),
                    currency, shipped, refunded));
        }
        return charges;
    }

    /**
     * The id of a refund on the purchase order whose comments are {@code comments} (how Crossdock marks a refund it
     * sent), or empty when the order has none: a refund sent before is found, not sent twice.
     */
    public Optional<String> refundWithComments(String orderJson, String comments) {
        JsonNode order = readObject(orderJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<JsonNode> lines = array(object(order.get("orderLines"), "$.orderLines").get("orderLine"),
                "$.orderLines.orderLine");
        for (int i = 0; i < lines.size(); i++) {
            for (JsonNode refund : refunds(object(lines.get(i), "$.orderLines.orderLine[" + i + "]"),
                    "$.orderLines.orderLine[" + i + "]")) {
                if (comments.equals(refund.path("refundComments").asString(""))) {
                    return Optional.of(refund.path("refundId").asString(comments));
                }
            }
        }
        return Optional.empty();
    }

    /** A line's {@code refund} (one object, or a list of them as some answers have it). */
    private static List<JsonNode> refunds(JsonNode line, String path) {
        JsonNode refund = line.get("refund");
        if (refund == null || refund.isNull()) {
            return List.of();
        }
        return refund.isArray() ? array(refund, path + ".refund") : List.of(object(refund, path + ".refund"));
    }

    /** What a refund gave back: its charges' amounts and taxes, as a positive amount. */
    private static BigDecimal refundTotal(JsonNode refund) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode charge : refund.path("refundCharges").path("refundCharge")) {
            total = total.add(positive(charge.path("charge").path("chargeAmount").path("amount")))
                    .add(positive(charge.path("charge").path("tax").path("taxAmount").path("amount")));
        }
        return total;
    }

    private static BigDecimal positive(JsonNode amount) {
        return amount.isNumber() ? amount.decimalValue().abs() : BigDecimal.ZERO;
    }

    private static Instant instant(JsonNode parent, String field, String path) {
        String text = requiredText(parent, field, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new WalmartPayloadException(PayloadProblem.INVALID_VALUE, path + "." + field,
                    "expected an ISO 8601 time, found " + text);
        }
    }

    /** A whole number given as a number or as text (Walmart writes both), as text. */
    private static String wholeNumber(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new WalmartPayloadException(PayloadProblem.MISSING_FIELD, path + "." + field,
                    "required, found nothing");
        }
        String text = value.isIntegralNumber() ? value.asString() : value.isString() ? value.asString().strip() : "";
        if (!text.matches("-?\\d{1,9}")) {
            throw new WalmartPayloadException(PayloadProblem.WRONG_TYPE, path + "." + field,
                    "expected a whole number, found " + (value.isString() ? "\"" + text + "\"" : kind(value)));
        }
        return String.valueOf(Integer.parseInt(text));
    }

    private static BigDecimal currencyAmount(JsonNode amount, String path) {
        JsonNode value = amount.get("currencyAmount");
        if (value == null || !value.isNumber()) {
            throw new WalmartPayloadException(value == null ? PayloadProblem.MISSING_FIELD : PayloadProblem.WRONG_TYPE,
                    path + ".currencyAmount", "expected an amount of money, found " + value);
        }
        return value.decimalValue();
    }
}
