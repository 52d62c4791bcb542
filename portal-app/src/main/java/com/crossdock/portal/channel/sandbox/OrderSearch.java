package com.crossdock.portal.channel.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Shopify's search syntax ({@code orders(query: ...)}) that the sandbox understands: terms joined by
 * spaces or {@code AND}, each {@code created_at}, {@code updated_at} or {@code processed_at} compared with
 * {@code :}, {@code :>}, {@code :>=}, {@code :<} or {@code :<=} to a timestamp or a date, quoted or not, and
 * {@code status:open|closed|cancelled|any}. Anything else is refused rather than ignored, so a connector that
 * relies on a filter the sandbox does not apply finds out here and not in production.
 */
final class OrderSearch {

    private static final Pattern TERM = Pattern.compile(
            "(created_at|updated_at|processed_at|status):(>=|<=|>|<)?('[^']*'|\"[^\"]*\"|\\S+)");

    private OrderSearch() {
    }

    /**
     * The orders {@code query} matches; an empty query matches all.
     *
     * @throws IllegalArgumentException naming the term the sandbox does not understand
     */
    static Predicate<SandboxStore.Order> parse(String query) {
        List<Predicate<SandboxStore.Order>> terms = new ArrayList<>();
        for (String token : tokens(query)) {
            if (token.equals("AND")) {
                continue;
            }
            Matcher term = TERM.matcher(token);
            if (!term.matches()) {
                throw new IllegalArgumentException("The sandbox does not understand the search term \"" + token
                        + "\"; it knows created_at, updated_at, processed_at and status");
            }
            String value = unquote(term.group(3));
            if (term.group(1).equals("status")) {
                terms.add(status(value));
            } else {
                terms.add(time(term.group(1), term.group(2) == null ? "" : term.group(2), value));
            }
        }
        return order -> terms.stream().allMatch(term -> term.test(order));
    }

    /** Splits at spaces outside quotes. */
    private static List<String> tokens(String query) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        char quote = 0;
        for (char c : query.strip().toCharArray()) {
            if (quote == 0 && Character.isWhitespace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
            }
            token.append(c);
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static Predicate<SandboxStore.Order> status(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "any" -> order -> true;
            case "open" -> order -> order.cancelledAt == null && !order.fulfillmentStatus().equals("FULFILLED");
            case "closed" -> order -> order.fulfillmentStatus().equals("FULFILLED");
            case "cancelled" -> order -> order.cancelledAt != null;
            default -> throw new IllegalArgumentException("Unknown order status \"" + value + "\"");
        };
    }

    private static Predicate<SandboxStore.Order> time(String field, String comparison, String value) {
        Instant bound = instant(value);
        return order -> {
            Instant at = field.equals("updated_at") ? order.updatedAt : order.createdAt;
            int compared = at.compareTo(bound);
            return switch (comparison) {
                case ">=" -> compared >= 0;
                case "<=" -> compared <= 0;
                case ">" -> compared > 0;
                case "<" -> compared < 0;
                default -> compared == 0;
            };
        };
    }

    private static Instant instant(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a date or a timestamp with its offset", e);
        }
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
