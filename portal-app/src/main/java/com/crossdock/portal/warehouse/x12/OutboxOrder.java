package com.crossdock.portal.warehouse.x12;

import com.crossdock.tenantconfig.x12.X12Delimiters;
import com.crossdock.tenantconfig.x12.X12ItemId;
import com.crossdock.tenantconfig.x12.X12Party;
import com.crossdock.tenantconfig.x12.X12Reference;
import com.crossdock.tenantconfig.x12.ShippingOrder940;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one outbox payload (a released order or a CANCEL message) into the {@link ShippingOrder940} the writer
 * sends. Free text (names, addresses, notes) has the partner's delimiters replaced by spaces and is cut to the
 * element's maximum length; identifiers (order numbers, SKUs) are refused when they do not fit instead.
 */
final class OutboxOrder {

    /** NTE02 holds up to 80 characters. */
    private static final int NOTE_MAX = 80;

    /** W05-02 as this portal sends it: 1 to 22 letters, digits, dot, underscore or hyphen. */
    static final Pattern DEPOSITOR_ORDER_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,21}");
    /** G62-01 04: purchase order date, the date the order was placed in the channel. */
    static final String ORDER_DATE = "04";
    /** W66-02 U: private parcel service, the parcel carriers of e-commerce orders. */
    static final String PARCEL = "U";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final X12Delimiters delimiters;

    OutboxOrder(X12Delimiters delimiters) {
        this.delimiters = delimiters;
    }

    ShippingOrder940 toOrder(String customerCode, String depositorOrderNumber, String payloadJson, boolean cancel) {
        if (!DEPOSITOR_ORDER_NUMBER.matcher(depositorOrderNumber).matches()) {
            throw new IllegalArgumentException("The depositor order number '" + depositorOrderNumber + "' must be 1 "
                    + "to 22 letters, digits, '.', '_' or '-' (W05-02)");
        }
        if (customerCode.length() < 2 || customerCode.length() > 80 || !customerCode.equals(clean(customerCode))) {
            throw new IllegalArgumentException("The customer code '" + customerCode + "' must be 2 to 80 characters "
                    + "without X12 delimiters (N1*DE N104)");
        }
        JsonNode payload = parse(payloadJson);
        String orderName = text(payload, cancel && payload.has("cancel") ? "cancel" : "order");
        if (!cancel && payload.has("cancel")) {
            throw new IllegalArgumentException("The outbox payload is a cancellation ('cancel' "
                    + payload.get("cancel") + "), not a new order");
        }
        if (orderName == null) {
            throw new IllegalArgumentException("The outbox payload has no order name ('" + (cancel ? "cancel" : "order")
                    + "'), the PO number of the 940 (W05-03)");
        }
        if (orderName.length() > 22 || !orderName.equals(clean(orderName))) {
            throw new IllegalArgumentException("The order name '" + orderName + "' does not fit W05-03 (1 to 22 "
                    + "characters without X12 delimiters)");
        }
        List<X12Party> parties = List.of(X12Party.named("DE", customerCode, "91", customerCode));
        List<X12Reference> references = new ArrayList<>();
        String channelOrderId = text(payload, "channelOrderId");
        if (channelOrderId != null) {
            references.add(X12Reference.of("CO", clip(channelOrderId, 50)));
        }
        if (cancel) {
            String reason = text(payload, "reason");
            List<X12Reference> notes = reason == null ? List.of()
                    : List.of(X12Reference.of("GEN", clip("CANCEL REASON - " + reason, 80)));
            return new ShippingOrder940(ShippingOrder940.Purpose.CANCEL, depositorOrderNumber, orderName, null,
                    parties, references, List.of(), notes, null, List.of());
        }
        X12Party shipTo = shipTo(payload.get("shipTo"));
        List<X12Reference> dates = orderDate(text(payload, "orderedAt"));
        String code = text(payload, "shippingCode");
        String method = text(payload, "shippingMethod");
        // the tenant's ship-method mapping, when the pipeline found one: the warehouse's service and carrier
        String service = text(payload, "serviceCode");
        String scac = text(payload, "carrierScac");
        ShippingOrder940.ShipMethod shipMethod = service != null && scac != null
                ? new ShippingOrder940.ShipMethod("PP", PARCEL, clip(service, 35), clip(scac, 4))
                : code == null && method == null ? null
                : new ShippingOrder940.ShipMethod("PP", PARCEL, clip(code != null ? code : method, 35), "");
        List<X12Reference> notes = method == null ? List.of()
                : List.of(X12Reference.of("DEL", clip("SHIP METHOD - " + method, 80)));
        return new ShippingOrder940(ShippingOrder940.Purpose.NEW, depositorOrderNumber, orderName, shipTo, parties,
                references, dates, notes, shipMethod, lines(payload.get("lines")));
    }

    private static JsonNode parse(String payloadJson) {
        try {
            JsonNode node = JSON.readTree(payloadJson);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("The outbox payload is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The outbox payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** N1*ST with N3 and N4; the name (or company) and address1, city and country are required. */
    private X12Party shipTo(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A new order needs a ship-to (shipTo) for N1*ST, and the payload has "
                    + "none");
        }
        String name = text(node, "name");
        String company = text(node, "company");
        List<String> missing = new ArrayList<>();
        if (name == null && company == null) {
            missing.add("shipTo.name or shipTo.company");
        }
        for (String field : List.of("address1", "city", "country")) {
            if (text(node, field) == null) {
                missing.add("shipTo." + field);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The ship-to (N1*ST) of a new order lacks "
                    + String.join(", ", missing));
        }
        String n102 = name == null ? company : company == null || company.equals(name) ? name : name + " / " + company;
        List<String> address = new ArrayList<>();
        address.add(clip(text(node, "address1"), 55));
        String address2 = text(node, "address2");
        if (address2 != null) {
            address.add(clip(address2, 55));
        }
        String province = text(node, "province");
        String postalCode = text(node, "postalCode");
        return new X12Party("ST", clip(n102, 60), "", "", address, clip(text(node, "city"), 30),
                province == null ? "" : clip(province, 2), postalCode == null ? "" : clip(postalCode, 15),
                clip(text(node, "country"), 3));
    }

    private static List<X12Reference> orderDate(@Nullable String orderedAt) {
        if (orderedAt == null) {
            return List.of();
        }
        try {
            LocalDate date = LocalDate.parse(orderedAt.substring(0, Math.min(10, orderedAt.length())));
            return List.of(X12Reference.of(ORDER_DATE, date.format(CCYYMMDD)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The order date (orderedAt) '" + orderedAt + "' does not start with "
                    + "an ISO date: " + e.getMessage(), e);
        }
    }

    private List<ShippingOrder940.Line> lines(@Nullable JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("A new order needs at least one line (LX/W01), and the payload's "
                    + "'lines' is " + (node == null ? "missing" : node.isArray() ? "empty" : node.toString()));
        }
        List<ShippingOrder940.Line> lines = new ArrayList<>();
        int index = 0;
        for (JsonNode line : node.values()) {
            index++;
            String sku = text(line, "sku");
            JsonNode quantity = line.get("quantity");
            JsonNode number = line.get("line");
            if (sku == null || sku.length() > 48 || !sku.equals(clean(sku))) {
                throw new IllegalArgumentException("Line " + index + " needs a SKU of 1 to 48 characters without "
                        + "X12 delimiters for W01-05 (VN), not " + line.get("sku"));
            }
            if (quantity == null || !quantity.canConvertToInt() || !quantity.isIntegralNumber()
                    || quantity.intValue() < 1) {
                throw new IllegalArgumentException("Line " + index + " (" + sku + ") needs a whole quantity of at "
                        + "least 1 for W01-01, not " + quantity);
            }
            int lineNumber = number != null && number.isIntegralNumber() && number.canConvertToInt()
                    && number.intValue() > 0 ? number.intValue() : index;
            lines.add(new ShippingOrder940.Line(lineNumber, BigDecimal.valueOf(quantity.intValue()), "EA",
                    List.of(new X12ItemId("VN", sku)), "", List.of(), instructions(line)));
        }
        return lines;
    }

    /**
     * The line's warehouse instructions as NTE*WHI: the prep the brand's side must do ({@code prep}, the catalog's
     * prep types when the seller preps) and labelling ({@code sellerLabels}: the seller applies the FNSKU labels).
     */
    private List<X12Reference> instructions(JsonNode line) {
        List<X12Reference> notes = new ArrayList<>();
        String prep = text(line, "prep");
        if (prep != null) {
            notes.add(X12Reference.of("WHI", clip("PREP - " + prep.replace(",", ", "), NOTE_MAX)));
        }
        JsonNode labels = line.get("sellerLabels");
        if (labels != null && labels.isBoolean() && labels.booleanValue()) {
            notes.add(X12Reference.of("WHI", "LABEL - apply FNSKU labels"));
        }
        return notes;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.toString();
        return text.isBlank() ? null : text.strip();
    }

    /** Free text with the partner's delimiters (and line breaks) replaced by spaces, cut to {@code max}. */
    private String clip(String text, int max) {
        String clean = clean(text).strip();
        return clean.length() <= max ? clean : clean.substring(0, max).strip();
    }

    private String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean delimiter = c == delimiters.element() || c == delimiters.component() || c == delimiters.segment()
                    || (delimiters.repetition() != null && c == delimiters.repetition());
            out.append(delimiter || Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }
}
