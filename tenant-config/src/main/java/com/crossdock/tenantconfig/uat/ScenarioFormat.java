package com.crossdock.tenantconfig.uat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes scenarios as JSON, and validates them: every refusal names the step and the field, and says what
 * is wrong. A valid scenario declares the roles of its items, uses only those, puts a step that acts on an order
 * after one that places it, and uses only the modes and expectations that make sense for each kind of step.
 */
public final class ScenarioFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");
    private static final Set<String> STEP_FIELDS = Set.of("kind", "title", "mode", "lines", "shippingMethod",
            "expect");
    private static final Set<String> STATUSES = Set.of("IMPORTED", "HELD", "RELEASED", "PICKED", "PACKED",
            "SHIPPED", "CANCELED");
    private static final Set<String> DOCUMENTS = Set.of("940", "CANCEL");
    private static final Set<String> DISCREPANCIES = Set.of("OVER", "SHORT", "DAMAGED", "UNEXPECTED");
    private static final Set<String> INBOUND = Set.of("RECEIVING", "RECEIVED", "RECEIVED_WITH_DISCREPANCIES");
    private static final Set<String> RMA = Set.of("EXPECTED", "RECEIVED", "ON_HOLD", "DISPOSITIONED", "CLOSED");
    private static final Set<String> FINDINGS = Set.of("DUPLICATE_SKU", "ALIAS_COLLISION", "MISSING_EACH_PACK",
            "INCONSISTENT_PACKS", "BUNDLE_MISSING_COMPONENT", "MISSING_PREP");
    /** Expectations about an order, checked only on steps that have one. */
    private static final Set<String> ORDER_EXPECTATIONS = Set.of("status", "holdReasonContains", "documentSent",
            "exceptionReason", "warehouseLines", "fromBundle", "outboxContains", "releasedOnce", "shipments", "prepSent",
            "carrierMapped");

    private ScenarioFormat() {
    }

    /**
     * Reads and validates one scenario.
     *
     * @throws ScenarioFormatException naming the step and field of the first problem
     */
    public static ScenarioTemplate read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ScenarioFormatException(null, "json", "not readable JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFormatException(null, "json", "a scenario is a JSON object");
        }
        String key = text(root, null, "key", true);
        if (!KEY.matcher(key).matches()) {
            throw new ScenarioFormatException(null, "key", "use 2 to 80 lower-case letters, digits and dashes");
        }
        String name = text(root, null, "name", true);
        String description = text(root, null, "description", false);
        Map<String, ItemKind> items = items(root.path("items"));
        JsonNode stepNodes = root.path("steps");
        if (!stepNodes.isArray() || stepNodes.isEmpty()) {
            throw new ScenarioFormatException(null, "steps", "a scenario needs at least one step");
        }
        List<ScenarioStep> steps = new ArrayList<>();
        for (int i = 0; i < stepNodes.size(); i++) {
            steps.add(step(stepNodes.get(i), i + 1));
        }
        ScenarioTemplate template = new ScenarioTemplate(key, name, description, items, steps);
        validate(template);
        return template;
    }

    /**
     * Validates a scenario built in code (the step editor's), with the same rules as {@link #read}.
     *
     * @throws ScenarioFormatException naming the step and field of the first problem
     */
    public static void validate(ScenarioTemplate template) {
        if (template.name().isBlank() || template.name().length() > 120) {
            throw new ScenarioFormatException(null, "name", "give the scenario a name of up to 120 characters");
        }
        if (template.steps().isEmpty()) {
            throw new ScenarioFormatException(null, "steps", "a scenario needs at least one step");
        }
        if (template.steps().size() > 30) {
            throw new ScenarioFormatException(null, "steps", "at most 30 steps");
        }
        boolean ordered = false;
        for (int i = 0; i < template.steps().size(); i++) {
            ScenarioStep step = template.steps().get(i);
            int number = i + 1;
            if (step.title().isBlank() || step.title().length() > 120) {
                throw new ScenarioFormatException(number, "title", "say what the step does in up to 120 characters");
            }
            if (!step.kind().modes().contains(step.mode())) {
                throw new ScenarioFormatException(number, "mode", "a " + step.kind() + " step's mode is one of "
                        + String.join(", ", step.kind().modes()) + ", not \"" + step.mode() + "\"");
            }
            if (step.kind().needsOrder() && !ordered) {
                throw new ScenarioFormatException(number, "kind", step.kind() + " acts on an order: put a PLACE_ORDER "
                        + "step before it");
            }
            lines(template, step, number);
            if (step.shippingMethod() != null && step.kind() != StepKind.PLACE_ORDER) {
                throw new ScenarioFormatException(number, "shippingMethod", "only a PLACE_ORDER step has a shipping "
                        + "method");
            }
            expectations(step, number, ordered || step.kind() == StepKind.PLACE_ORDER);
            ordered |= step.kind() == StepKind.PLACE_ORDER;
        }
    }

    /** The scenario as JSON, in the shape {@link #read} reads; expectations left null are left out. */
    public static String write(ScenarioTemplate template) {
        ObjectNode root = JSON.createObjectNode().put("key", template.key()).put("name", template.name())
                .put("description", template.description());
        ObjectNode items = root.putObject("items");
        template.items().forEach((role, kind) -> items.put(role, kind.name()));
        ArrayNode steps = root.putArray("steps");
        for (ScenarioStep step : template.steps()) {
            ObjectNode node = steps.addObject().put("kind", step.kind().name()).put("title", step.title())
                    .put("mode", step.mode());
            if (!step.lines().isEmpty()) {
                ArrayNode lines = node.putArray("lines");
                step.lines().forEach(line -> {
                    ObjectNode written = lines.addObject();
                    if (line.unknown()) {
                        written.put("unknown", true);
                    } else {
                        written.put("item", line.item());
                    }
                    written.put("quantity", line.quantity());
                });
            }
            if (step.shippingMethod() != null) {
                node.put("shippingMethod", step.shippingMethod());
            }
            JsonNode expect = JSON.valueToTree(step.expect());
            ObjectNode kept = node.putObject("expect");
            expect.properties().forEach(entry -> {
                if (!entry.getValue().isNull()) {
                    kept.set(entry.getKey(), entry.getValue());
                }
            });
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** One step's expectations alone as JSON, as the step editor shows them. */
    public static String writeExpectations(Expectations expect) {
        ObjectNode kept = JSON.createObjectNode();
        JSON.valueToTree(expect).properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                kept.set(entry.getKey(), entry.getValue());
            }
        });
        return kept.toString();
    }

    /**
     * Reads one step's expectations as the step editor writes them.
     *
     * @throws ScenarioFormatException naming the step's field
     */
    public static Expectations readExpectations(String json, int step) {
        try {
            JsonNode node = JSON.readTree(json.isBlank() ? "{}" : json);
            return expectations(node, step);
        } catch (JacksonException e) {
            throw new ScenarioFormatException(step, "expect", "not readable JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static Map<String, ItemKind> items(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ScenarioFormatException(null, "items", "items are an object of role → kind, e.g. "
                    + "{\"A\": \"SELLABLE\"}");
        }
        Map<String, ItemKind> items = new LinkedHashMap<>();
        for (var entry : node.properties()) {
            if (!ROLE.matcher(entry.getKey()).matches()) {
                throw new ScenarioFormatException(null, "items." + entry.getKey(), "a role is an upper-case name "
                        + "such as A or BUNDLE");
            }
            items.put(entry.getKey(), enumValue(ItemKind.class, entry.getValue(), null, "items." + entry.getKey()));
        }
        return items;
    }

    private static ScenarioStep step(JsonNode node, int number) {
        if (!node.isObject()) {
            throw new ScenarioFormatException(number, "step", "a step is a JSON object");
        }
        for (String field : node.propertyNames()) {
            if (!STEP_FIELDS.contains(field)) {
                throw new ScenarioFormatException(number, field, "unknown field; a step has "
                        + String.join(", ", STEP_FIELDS.stream().sorted().toList()));
            }
        }
        StepKind kind = enumValue(StepKind.class, node.path("kind"), number, "kind");
        String title = text(node, number, "title", true);
        String mode = node.path("mode").isMissingNode() ? kind.modes().getFirst()
                : text(node, number, "mode", true).toUpperCase(Locale.ROOT);
        List<ScenarioLine> lines = new ArrayList<>();
        JsonNode lineNodes = node.path("lines");
        if (!lineNodes.isMissingNode()) {
            if (!lineNodes.isArray()) {
                throw new ScenarioFormatException(number, "lines", "lines are a list");
            }
            for (int i = 0; i < lineNodes.size(); i++) {
                lines.add(line(lineNodes.get(i), number, i + 1));
            }
        }
        String shippingMethod = node.path("shippingMethod").isMissingNode() ? null
                : text(node, number, "shippingMethod", true);
        return new ScenarioStep(kind, title, mode, lines, shippingMethod, expectations(node.path("expect"), number));
    }

    private static ScenarioLine line(JsonNode node, int step, int number) {
        String field = "lines[" + number + "]";
        if (!node.isObject()) {
            throw new ScenarioFormatException(step, field, "a line is an object with item and quantity");
        }
        boolean unknown = node.path("unknown").asBoolean(false);
        String item = node.path("item").isString() ? node.path("item").stringValue() : null;
        JsonNode quantity = node.path("quantity");
        if (!quantity.isIntegralNumber() || quantity.asInt() < 1 || quantity.asInt() > 999) {
            throw new ScenarioFormatException(step, field + ".quantity", "a whole number of units, 1 to 999");
        }
        return new ScenarioLine(item, quantity.asInt(), unknown);
    }

    private static Expectations expectations(JsonNode node, int step) {
        if (node.isMissingNode() || node.isNull()) {
            return Expectations.none();
        }
        if (!node.isObject()) {
            throw new ScenarioFormatException(step, "expect", "expectations are an object, e.g. "
                    + "{\"status\": \"RELEASED\"}");
        }
        Set<String> known = Set.of("status", "holdReasonContains", "documentSent", "exceptionReason",
                "warehouseLines", "fromBundle", "outboxContains", "releasedOnce", "shipments", "discrepancy",
                "inboundStatus", "rmaStatus", "findingAbsent", "noOversell", "prepSent", "carrierMapped");
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                throw new ScenarioFormatException(step, "expect." + field, "unknown expectation; known are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return new Expectations(
                oneOf(node, step, "status", STATUSES), optionalText(node, step, "holdReasonContains"),
                oneOf(node, step, "documentSent", DOCUMENTS), optionalText(node, step, "exceptionReason"),
                count(node, step, "warehouseLines"), flag(node, step, "fromBundle"),
                optionalText(node, step, "outboxContains"), flag(node, step, "releasedOnce"),
                count(node, step, "shipments"), oneOf(node, step, "discrepancy", DISCREPANCIES),
                oneOf(node, step, "inboundStatus", INBOUND), oneOf(node, step, "rmaStatus", RMA),
                oneOf(node, step, "findingAbsent", FINDINGS), flag(node, step, "noOversell"),
                flag(node, step, "prepSent"), flag(node, step, "carrierMapped"));
    }

    private static void lines(ScenarioTemplate template, ScenarioStep step, int number) {
        if (step.kind().takesLines() && step.lines().isEmpty() && step.kind() != StepKind.PUSH_INVENTORY) {
            throw new ScenarioFormatException(number, "lines", "a " + step.kind() + " step needs at least one line");
        }
        if (!step.kind().takesLines() && !step.lines().isEmpty()) {
            throw new ScenarioFormatException(number, "lines", "a " + step.kind() + " step takes no lines");
        }
        for (int i = 0; i < step.lines().size(); i++) {
            ScenarioLine line = step.lines().get(i);
            String field = "lines[" + (i + 1) + "]";
            if (line.unknown()) {
                if (step.kind() != StepKind.PLACE_ORDER) {
                    throw new ScenarioFormatException(number, field + ".unknown", "only an order has unknown SKUs");
                }
                continue;
            }
            if (line.item() == null) {
                throw new ScenarioFormatException(number, field + ".item", "name the item's role (one of "
                        + String.join(", ", template.items().keySet()) + ") or set \"unknown\": true");
            }
            if (!template.items().containsKey(line.item())) {
                throw new ScenarioFormatException(number, field + ".item", "\"" + line.item() + "\" is not one of "
                        + "the scenario's items (" + String.join(", ", template.items().keySet()) + ")");
            }
            if (step.kind() != StepKind.PLACE_ORDER && template.items().get(line.item()) == ItemKind.VIRTUAL_BUNDLE) {
                throw new ScenarioFormatException(number, field + ".item", "a virtual bundle is never stocked or "
                        + "received; use one of its components");
            }
        }
    }

    private static void expectations(ScenarioStep step, int number, boolean hasOrder) {
        Expectations expect = step.expect();
        if (!hasOrder) {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("status", expect.status());
            set.put("holdReasonContains", expect.holdReasonContains());
            set.put("documentSent", expect.documentSent());
            set.put("exceptionReason", expect.exceptionReason());
            set.put("warehouseLines", expect.warehouseLines());
            set.put("fromBundle", expect.fromBundle());
            set.put("outboxContains", expect.outboxContains());
            set.put("releasedOnce", expect.releasedOnce());
            set.put("shipments", expect.shipments());
            set.put("prepSent", expect.prepSent());
            set.put("carrierMapped", expect.carrierMapped());
            for (String field : ORDER_EXPECTATIONS) {
                if (set.get(field) != null) {
                    throw new ScenarioFormatException(number, "expect." + field, "no order has been placed yet, so "
                            + "there is nothing to check it on");
                }
            }
        }
        if ((expect.discrepancy() != null || expect.inboundStatus() != null)
                && step.kind() != StepKind.WAREHOUSE_RECEIVES) {
            throw new ScenarioFormatException(number, "expect." + (expect.discrepancy() != null ? "discrepancy"
                    : "inboundStatus"), "only a WAREHOUSE_RECEIVES step has a receipt to check");
        }
        if (expect.rmaStatus() != null && step.kind() != StepKind.RETURN) {
            throw new ScenarioFormatException(number, "expect.rmaStatus", "only a RETURN step has an RMA to check");
        }
    }

    private static String text(JsonNode node, @Nullable Integer step, String field, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw new ScenarioFormatException(step, field, "missing");
            }
            return "";
        }
        if (!value.isString()) {
            throw new ScenarioFormatException(step, field, "a text is expected");
        }
        String text = value.stringValue().strip();
        if (required && text.isEmpty()) {
            throw new ScenarioFormatException(step, field, "empty");
        }
        return text;
    }

    private static @Nullable String optionalText(JsonNode node, int step, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            throw new ScenarioFormatException(step, "expect." + field, "a non-empty text is expected");
        }
        return value.stringValue().strip();
    }

    private static @Nullable String oneOf(JsonNode node, int step, String field, Set<String> allowed) {
        String value = optionalText(node, step, field);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new ScenarioFormatException(step, "expect." + field, "\"" + value + "\" is not one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return upper;
    }

    private static @Nullable Integer count(JsonNode node, int step, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 999) {
            throw new ScenarioFormatException(step, "expect." + field, "a whole number, 0 to 999");
        }
        return value.asInt();
    }

    private static @Nullable Boolean flag(JsonNode node, int step, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new ScenarioFormatException(step, "expect." + field, "true or false");
        }
        return value.asBoolean();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode value, @Nullable Integer step,
            String field) {
        if (!value.isString()) {
            throw new ScenarioFormatException(step, field, value.isMissingNode() ? "missing" : "a text is expected");
        }
        try {
            return Enum.valueOf(type, value.stringValue().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(step, field, "\"" + value.stringValue() + "\" is not one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
