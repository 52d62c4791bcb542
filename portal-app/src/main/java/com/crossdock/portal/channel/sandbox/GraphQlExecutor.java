package com.crossdock.portal.channel.sandbox;

import com.crossdock.portal.channel.sandbox.GraphQlDocument.Field;
import com.crossdock.portal.channel.sandbox.GraphQlDocument.FragmentSpread;
import com.crossdock.portal.channel.sandbox.GraphQlDocument.InlineFragment;
import com.crossdock.portal.channel.sandbox.GraphQlDocument.Selection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the selection sets of a {@link GraphQlDocument} from plain Java values: a {@code Map} with a
 * {@code __typename} is an object, a {@code List} a list, a {@link Resolver} a field that needs its arguments (or is
 * computed only when asked for), anything else a scalar. Only the fields selected are answered, under their aliases,
 * and a field the object does not have is an error, as in Shopify. It also counts what the answer cost by Shopify's
 * rules: one point per object, two per connection, nothing for scalars and page info.
 */
final class GraphQlExecutor {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final GraphQlDocument document;
    private final ObjectNode variables;
    private int actualCost;

    GraphQlExecutor(GraphQlDocument document, ObjectNode variables) {
        this.document = document;
        this.variables = variables;
    }

    /** The answer to {@code selections} on {@code root}. */
    ObjectNode execute(Map<String, Object> root, List<Selection> selections) {
        return object(root, selections, List.of());
    }

    /** The cost of what was answered so far. */
    int actualCost() {
        return actualCost;
    }

    private ObjectNode object(Map<String, Object> source, List<Selection> selections, List<Object> path) {
        String type = typeName(source);
        actualCost += type.endsWith("Connection") ? 2 : type.endsWith("Edge") || type.equals("PageInfo")
                || type.equals("QueryRoot") || type.equals("Mutation") ? 0 : 1;
        ObjectNode answer = JSON.objectNode();
        for (Field field : document.fields(selections, type)) {
            List<Object> fieldPath = append(path, field.responseKey());
            if (field.name().equals("__typename")) {
                answer.put(field.responseKey(), type);
                continue;
            }
            if (!source.containsKey(field.name())) {
                throw new FieldError("Field '" + field.name() + "' doesn't exist on type '" + type + "'",
                        "undefinedField", fieldPath);
            }
            Object value = source.get(field.name());
            if (value instanceof Resolver resolver) {
                value = resolver.resolve(new Arguments(field, variables, fieldPath));
            }
            answer.set(field.responseKey(), value(value, field, fieldPath));
        }
        return answer;
    }

    @SuppressWarnings("unchecked")
    private JsonNode value(@Nullable Object value, Field field, List<Object> path) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            if (field.selections().isEmpty()) {
                throw new FieldError("Field must have selections (field '" + field.name() + "' returns "
                        + typeName((Map<String, Object>) map) + " but has no selections)", "selectionMismatch", path);
            }
            return object((Map<String, Object>) map, field.selections(), path);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            for (int i = 0; i < list.size(); i++) {
                array.add(value(list.get(i), field, append(path, i)));
            }
            return array;
        }
        if (!field.selections().isEmpty()) {
            throw new FieldError("Selections can't be made on scalars (field '" + field.name() + "')",
                    "selectionMismatch", path);
        }
        return switch (value) {
            case JsonNode json -> json;
            case String text -> JSON.stringNode(text);
            case Boolean bool -> JSON.booleanNode(bool);
            case Integer number -> JSON.numberNode(number);
            case Long number -> JSON.numberNode(number);
            case Double number -> JSON.numberNode(number);
            case BigDecimal number -> JSON.numberNode(number);
            case Enum<?> constant -> JSON.stringNode(constant.name());
            default -> JSON.stringNode(value.toString());
        };
    }

    private static String typeName(Map<String, Object> source) {
        Object type = source.get("__typename");
        if (!(type instanceof String name)) {
            throw new IllegalStateException("a sandbox object without __typename: " + source.keySet());
        }
        return name;
    }

    private static List<Object> append(List<Object> path, Object element) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(element);
        return longer;
    }

    /**
     * What a query asks to be charged before it runs ({@code requestedQueryCost}), by Shopify's rules: an object
     * costs 1; a connection 2 plus its page size times the cost of one node; scalars and page info nothing; every
     * mutation 10.
     */
    static int requestedCost(GraphQlDocument document, GraphQlDocument.Operation operation, ObjectNode variables) {
        if (operation.type().equals("mutation")) {
            return 10 * allFields(document, operation.selections()).size();
        }
        return cost(document, operation.selections(), variables);
    }

    private static int cost(GraphQlDocument document, List<Selection> selections, ObjectNode variables) {
        int cost = 0;
        for (Field field : allFields(document, selections)) {
            if (field.selections().isEmpty() || field.name().equals("pageInfo")) {
                continue;
            }
            JsonNode first = field.argument("first", variables);
            JsonNode last = field.argument("last", variables);
            if (first.isNumber() || last.isNumber()) {
                int size = first.isNumber() ? first.asInt() : last.asInt();
                // a connection selects nodes or edges; a plain list with a size (Order.fulfillments) costs its objects
                cost += selectsNodes(document, field.selections())
                        ? 2 + size * nodeCost(document, field.selections(), variables)
                        : size * (1 + cost(document, field.selections(), variables));
            } else {
                cost += 1 + cost(document, field.selections(), variables);
            }
        }
        return cost;
    }

    private static boolean selectsNodes(GraphQlDocument document, List<Selection> selections) {
        return allFields(document, selections).stream()
                .anyMatch(field -> field.name().equals("nodes") || field.name().equals("edges"));
    }

    /** The cost of one node of a connection: of what {@code nodes} or {@code edges.node} select. */
    private static int nodeCost(GraphQlDocument document, List<Selection> connection, ObjectNode variables) {
        int cost = 0;
        for (Field field : allFields(document, connection)) {
            if (field.name().equals("nodes")) {
                cost = Math.max(cost, 1 + cost(document, field.selections(), variables));
            } else if (field.name().equals("edges")) {
                for (Field edge : allFields(document, field.selections())) {
                    if (edge.name().equals("node")) {
                        cost = Math.max(cost, 1 + cost(document, edge.selections(), variables));
                    }
                }
            }
        }
        return cost;
    }

    /** Fields with every fragment expanded whatever its type: the cost is counted before types are known. */
    private static List<Field> allFields(GraphQlDocument document, List<Selection> selections) {
        List<Field> fields = new ArrayList<>();
        for (Selection selection : selections) {
            switch (selection) {
                case Field field -> fields.add(field);
                case InlineFragment inline -> fields.addAll(allFields(document, inline.selections()));
                case FragmentSpread spread -> {
                    GraphQlDocument.Fragment fragment = document.fragments().get(spread.name());
                    if (fragment == null) {
                        throw new GraphQlDocument.GraphQlSyntaxException("Fragment " + spread.name()
                                + " was used, but not defined");
                    }
                    fields.addAll(allFields(document, fragment.selections()));
                }
            }
        }
        return fields;
    }

    /** A field computed when it is asked for, from its arguments. */
    @FunctionalInterface
    interface Resolver {

        @Nullable Object resolve(Arguments arguments);
    }

    /** The arguments and directives of one field, variables filled in. */
    record Arguments(Field field, ObjectNode variables, List<Object> path) {

        JsonNode get(String name) {
            return field.argument(name, variables);
        }

        /** A required argument; absent or null is the error Shopify gives. */
        JsonNode require(String name) {
            JsonNode value = get(name);
            if (value.isNull() || value.isMissingNode()) {
                throw error("Field '" + field.name() + "' is missing required arguments: " + name,
                        "missingRequiredArguments");
            }
            return value;
        }

        @Nullable String text(String name) {
            JsonNode value = get(name);
            return value.isString() ? value.stringValue() : null;
        }

        /** The value of argument {@code argument} of directive {@code directive}, or null if either is absent. */
        @Nullable String directiveText(String directive, String argument) {
            GraphQlDocument.Directive found = field.directive(directive);
            if (found == null || !found.arguments().containsKey(argument)) {
                return null;
            }
            JsonNode value = found.arguments().get(argument).resolve(variables);
            return value.isString() ? value.stringValue() : null;
        }

        FieldError error(String message, String code) {
            return new FieldError(message, code, path);
        }
    }

    /** An error of one field, answered in {@code errors} with its path and code. */
    static final class FieldError extends RuntimeException {

        private final String code;
        private final List<Object> path;

        FieldError(String message, String code, List<Object> path) {
            super(message);
            this.code = code;
            this.path = List.copyOf(path);
        }

        String code() {
            return code;
        }

        List<Object> path() {
            return path;
        }
    }
}
