package com.crossdock.portal.channel.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GraphQL request document, parsed far enough to answer it the way Shopify would: operations with their variable
 * definitions, fields with aliases, arguments and directives, fragments and inline fragments. It does not check the
 * document against a schema; {@link SandboxAdminApi} refuses what it does not know while it answers.
 */
record GraphQlDocument(List<Operation> operations, Map<String, Fragment> fragments) {

    /** Parses {@code source}; a {@link GraphQlSyntaxException} says where it went wrong. */
    static GraphQlDocument parse(String source) {
        return new Parser(source).document();
    }

    /**
     * The operation to run: the one named {@code operationName}, or the only one when no name is given (GraphQL's
     * rule, so a document with two operations and no name is refused, as Shopify does).
     */
    Operation operation(@Nullable String operationName) {
        if (operationName != null && !operationName.isBlank()) {
            return operations.stream().filter(operation -> operationName.equals(operation.name())).findFirst()
                    .orElseThrow(() -> new GraphQlSyntaxException("No operation named \"" + operationName + "\""));
        }
        if (operations.size() != 1) {
            throw new GraphQlSyntaxException("An operation name is required when a document holds "
                    + operations.size() + " operations");
        }
        return operations.getFirst();
    }

    /**
     * The fields of {@code selections} in order, fragment spreads and inline fragments expanded, for an object of
     * type {@code typeName}.
     */
    List<Field> fields(List<Selection> selections, String typeName) {
        List<Field> fields = new ArrayList<>();
        for (Selection selection : selections) {
            switch (selection) {
                case Field field -> fields.add(field);
                case InlineFragment inline -> {
                    if (inline.typeCondition() == null || inline.typeCondition().equals(typeName)) {
                        fields.addAll(fields(inline.selections(), typeName));
                    }
                }
                case FragmentSpread spread -> {
                    Fragment fragment = fragments.get(spread.name());
                    if (fragment == null) {
                        throw new GraphQlSyntaxException("Fragment " + spread.name() + " was used, but not defined");
                    }
                    if (fragment.typeCondition().equals(typeName)) {
                        fields.addAll(fields(fragment.selections(), typeName));
                    }
                }
            }
        }
        return fields;
    }

    /** A {@code query} or {@code mutation}. */
    record Operation(String type, @Nullable String name, List<VariableDefinition> variables,
            List<Selection> selections) {
    }

    /** {@code $name: Type = default}; {@code required} when the type ends in {@code !} without a default. */
    record VariableDefinition(String name, String type, @Nullable Value defaultValue) {

        boolean required() {
            return type.endsWith("!") && defaultValue == null;
        }
    }

    /** A field, fragment spread or inline fragment. */
    sealed interface Selection permits Field, FragmentSpread, InlineFragment {
    }

    /** {@code alias: name(arguments) @directives { selections }}. */
    record Field(@Nullable String alias, String name, Map<String, Value> arguments, List<Directive> directives,
            List<Selection> selections) implements Selection {

        /** The key of this field in the answer. */
        String responseKey() {
            return alias == null ? name : alias;
        }

        /** The argument's value with variables filled in; a missing argument is JSON null. */
        JsonNode argument(String argument, ObjectNode variables) {
            Value value = arguments.get(argument);
            return value == null ? JsonNodeFactory.instance.nullNode() : value.resolve(variables);
        }

        @Nullable Directive directive(String directive) {
            return directives.stream().filter(candidate -> candidate.name().equals(directive)).findFirst()
                    .orElse(null);
        }
    }

    /** {@code ...Name}. */
    record FragmentSpread(String name, List<Directive> directives) implements Selection {
    }

    /** {@code ... on Type { selections }}. */
    record InlineFragment(@Nullable String typeCondition, List<Directive> directives, List<Selection> selections)
            implements Selection {
    }

    /** {@code fragment Name on Type { selections }}. */
    record Fragment(String name, String typeCondition, List<Selection> selections) {
    }

    /** {@code @name(arguments)}. */
    record Directive(String name, Map<String, Value> arguments) {
    }

    /** An argument value: a variable, or a literal made of literals and variables. */
    sealed interface Value permits Variable, Literal, ListValue, ObjectValue {

        /** This value as JSON, variables filled in from {@code variables} (missing ones are null). */
        JsonNode resolve(ObjectNode variables);
    }

    /** {@code $name}. */
    record Variable(String name) implements Value {

        @Override
        public JsonNode resolve(ObjectNode variables) {
            JsonNode value = variables.get(name);
            return value == null ? JsonNodeFactory.instance.nullNode() : value;
        }
    }

    /** A scalar or enum literal, already as JSON (an enum value is its name as a string). */
    record Literal(JsonNode json) implements Value {

        @Override
        public JsonNode resolve(ObjectNode variables) {
            return json;
        }
    }

    /** {@code [a, b]}. */
    record ListValue(List<Value> values) implements Value {

        @Override
        public JsonNode resolve(ObjectNode variables) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            values.forEach(value -> array.add(value.resolve(variables)));
            return array;
        }
    }

    /** {@code {a: 1}}. */
    record ObjectValue(Map<String, Value> fields) implements Value {

        @Override
        public JsonNode resolve(ObjectNode variables) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            fields.forEach((name, value) -> object.set(name, value.resolve(variables)));
            return object;
        }
    }

    /** A document that is not GraphQL, or asks for an operation or fragment it does not hold. */
    static final class GraphQlSyntaxException extends RuntimeException {

        GraphQlSyntaxException(String message) {
            super(message);
        }
    }

    /** A recursive-descent parser over GraphQL's lexical grammar (October 2021 specification). */
    private static final class Parser {

        private final String source;
        private int position;

        Parser(String source) {
            this.source = source;
        }

        GraphQlDocument document() {
            List<Operation> operations = new ArrayList<>();
            Map<String, Fragment> fragments = new LinkedHashMap<>();
            skipIgnored();
            if (atEnd()) {
                throw error("the document is empty");
            }
            while (!atEnd()) {
                if (peek('{')) {
                    operations.add(new Operation("query", null, List.of(), selectionSet()));
                } else {
                    String keyword = name();
                    switch (keyword) {
                        case "query", "mutation", "subscription" -> operations.add(operation(keyword));
                        case "fragment" -> {
                            Fragment fragment = fragment();
                            if (fragments.putIfAbsent(fragment.name(), fragment) != null) {
                                throw error("there can be only one fragment named \"" + fragment.name() + "\"");
                            }
                        }
                        default -> throw error("unexpected \"" + keyword + "\"");
                    }
                }
                skipIgnored();
            }
            if (operations.isEmpty()) {
                throw error("the document holds no operation");
            }
            return new GraphQlDocument(List.copyOf(operations), Map.copyOf(fragments));
        }

        private Operation operation(String type) {
            String name = peekName() ? name() : null;
            List<VariableDefinition> variables = new ArrayList<>();
            if (accept('(')) {
                while (!accept(')')) {
                    expect('$');
                    String variable = name();
                    expect(':');
                    String variableType = type();
                    Value defaultValue = accept('=') ? value(true) : null;
                    directives();
                    variables.add(new VariableDefinition(variable, variableType, defaultValue));
                }
            }
            directives();
            return new Operation(type, name, List.copyOf(variables), selectionSet());
        }

        private Fragment fragment() {
            String name = name();
            if (!"on".equals(name())) {
                throw error("expected \"on\" after the fragment's name");
            }
            String typeCondition = name();
            directives();
            return new Fragment(name, typeCondition, selectionSet());
        }

        private String type() {
            String type;
            if (accept('[')) {
                type = "[" + type() + "]";
                expect(']');
            } else {
                type = name();
            }
            return accept('!') ? type + "!" : type;
        }

        private List<Selection> selectionSet() {
            expect('{');
            List<Selection> selections = new ArrayList<>();
            while (!accept('}')) {
                selections.add(selection());
            }
            if (selections.isEmpty()) {
                throw error("a selection set must select something");
            }
            return List.copyOf(selections);
        }

        private Selection selection() {
            if (acceptSpread()) {
                String typeCondition = null;
                if (peekName()) {
                    String name = name();
                    if (!"on".equals(name)) {
                        return new FragmentSpread(name, directives());
                    }
                    typeCondition = name();
                }
                return new InlineFragment(typeCondition, directives(), selectionSet());
            }
            String first = name();
            String alias = null;
            String name = first;
            if (accept(':')) {
                alias = first;
                name = name();
            }
            Map<String, Value> arguments = arguments(false);
            List<Directive> directives = directives();
            List<Selection> selections = peek('{') ? selectionSet() : List.of();
            return new Field(alias, name, arguments, directives, selections);
        }

        private Map<String, Value> arguments(boolean constant) {
            Map<String, Value> arguments = new LinkedHashMap<>();
            if (accept('(')) {
                while (!accept(')')) {
                    String name = name();
                    expect(':');
                    if (arguments.put(name, value(constant)) != null) {
                        throw error("there can be only one argument named \"" + name + "\"");
                    }
                }
            }
            return arguments;
        }

        private List<Directive> directives() {
            List<Directive> directives = new ArrayList<>();
            while (accept('@')) {
                directives.add(new Directive(name(), arguments(false)));
            }
            return List.copyOf(directives);
        }

        private Value value(boolean constant) {
            skipIgnored();
            if (atEnd()) {
                throw error("expected a value");
            }
            char c = source.charAt(position);
            if (c == '$') {
                if (constant) {
                    throw error("a default value cannot use a variable");
                }
                position++;
                return new Variable(name());
            }
            if (c == '[') {
                position++;
                List<Value> values = new ArrayList<>();
                while (!accept(']')) {
                    values.add(value(constant));
                }
                return new ListValue(List.copyOf(values));
            }
            if (c == '{') {
                position++;
                Map<String, Value> fields = new LinkedHashMap<>();
                while (!accept('}')) {
                    String name = name();
                    expect(':');
                    fields.put(name, value(constant));
                }
                return new ObjectValue(fields);
            }
            if (c == '"') {
                return new Literal(JsonNodeFactory.instance.stringNode(string()));
            }
            if (c == '-' || Character.isDigit(c)) {
                return new Literal(number());
            }
            String name = name();
            return new Literal(switch (name) {
                case "true" -> JsonNodeFactory.instance.booleanNode(true);
                case "false" -> JsonNodeFactory.instance.booleanNode(false);
                case "null" -> JsonNodeFactory.instance.nullNode();
                default -> JsonNodeFactory.instance.stringNode(name); // an enum value
            });
        }

        private JsonNode number() {
            int start = position;
            if (source.charAt(position) == '-') {
                position++;
            }
            boolean decimal = false;
            while (position < source.length()) {
                char c = source.charAt(position);
                if (Character.isDigit(c)) {
                    position++;
                } else if (c == '.' || c == 'e' || c == 'E' || ((c == '+' || c == '-') && decimal)) {
                    decimal = true;
                    position++;
                } else {
                    break;
                }
            }
            String text = source.substring(start, position);
            try {
                if (decimal) {
                    return JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(text));
                }
                java.math.BigInteger integer = new java.math.BigInteger(text);
                // as JSON would read it, so a literal and a variable of the same value look alike
                return integer.bitLength() < 32 ? JsonNodeFactory.instance.numberNode(integer.intValue())
                        : integer.bitLength() < 64 ? JsonNodeFactory.instance.numberNode(integer.longValue())
                        : JsonNodeFactory.instance.numberNode(integer);
            } catch (NumberFormatException e) {
                throw error("\"" + text + "\" is not a number");
            }
        }

        private String string() {
            if (source.startsWith("\"\"\"", position)) {
                int end = source.indexOf("\"\"\"", position + 3);
                if (end < 0) {
                    throw error("unterminated block string");
                }
                String text = source.substring(position + 3, end);
                position = end + 3;
                return text.strip();
            }
            StringBuilder text = new StringBuilder();
            position++;
            while (true) {
                if (atEnd() || source.charAt(position) == '\n') {
                    throw error("unterminated string");
                }
                char c = source.charAt(position++);
                if (c == '"') {
                    return text.toString();
                }
                if (c != '\\') {
                    text.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw error("unterminated string");
                }
                char escaped = source.charAt(position++);
                switch (escaped) {
                    case '"', '\\', '/' -> text.append(escaped);
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> {
                        if (position + 4 > source.length()) {
                            throw error("bad unicode escape");
                        }
                        try {
                            text.append((char) Integer.parseInt(source.substring(position, position + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("bad unicode escape");
                        }
                        position += 4;
                    }
                    default -> throw error("bad escape \\" + escaped);
                }
            }
        }

        private String name() {
            skipIgnored();
            int start = position;
            while (position < source.length() && isNameChar(source.charAt(position), position == start)) {
                position++;
            }
            if (start == position) {
                throw error(atEnd() ? "unexpected end of document" : "unexpected \"" + source.charAt(position) + "\"");
            }
            return source.substring(start, position);
        }

        private boolean peekName() {
            skipIgnored();
            return !atEnd() && isNameChar(source.charAt(position), true);
        }

        private static boolean isNameChar(char c, boolean first) {
            return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
        }

        private boolean acceptSpread() {
            skipIgnored();
            if (source.startsWith("...", position)) {
                position += 3;
                return true;
            }
            return false;
        }

        private boolean peek(char c) {
            skipIgnored();
            return !atEnd() && source.charAt(position) == c;
        }

        private boolean accept(char c) {
            if (peek(c)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw error("expected \"" + c + "\"");
            }
        }

        /** White space, line ends, commas and comments mean nothing in GraphQL. */
        private void skipIgnored() {
            while (position < source.length()) {
                char c = source.charAt(position);
                if (c == '#') {
                    while (position < source.length() && source.charAt(position) != '\n') {
                        position++;
                    }
                } else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
                    position++;
                } else {
                    return;
                }
            }
        }

        private boolean atEnd() {
            skipIgnored();
            return position >= source.length();
        }

        private GraphQlSyntaxException error(String problem) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < Math.min(position, source.length()); i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new GraphQlSyntaxException("syntax error, " + problem + " at line " + line + ", column " + column);
        }
    }
}
