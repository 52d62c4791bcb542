package com.crossdock.portal.sync;

import com.crossdock.portal.order.Address;
import com.crossdock.portal.order.CanonicalOrder;
import com.crossdock.portal.order.FinancialStatus;
import com.crossdock.portal.order.OrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders a brand enters itself: their checks, their canonical form (the pipeline does the rest, as for a channel's
 * order) and the reading of orders as client programs follow them.
 */
final class ManualOrders {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._#-]{1,40}");
    private static final int MAX_LINES = 200;
    private static final int MAX_QUANTITY = 100_000;

    private ManualOrders() {
    }

    /** What is wrong with the command, per field; empty when it can go into the pipeline. */
    static Map<String, String> problems(ManualOrderCommand command, String reference) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!REFERENCE.matcher(reference).matches()) {
            problems.put("reference", "Give the order's number: 1 to 40 letters, digits, '.', '_', '-' or '#'");
        }
        if (command.email() != null && command.email().length() > 200) {
            problems.put("email", "Give an e-mail address of up to 200 characters");
        }
        if (command.shippingMethod() != null && command.shippingMethod().length() > 200) {
            problems.put("shippingMethod", "Name the shipping method in up to 200 characters");
        }
        if (command.shipTo() == null) {
            problems.put("shipTo", "Give the address to ship to");
        }
        List<ManualOrderCommand.Line> lines = command.lines() == null ? List.of() : command.lines();
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            problems.put("lines", "Give 1 to " + MAX_LINES + " lines, each a SKU and its units");
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ManualOrderCommand.Line line = lines.get(i);
            String sku = line.sku() == null ? "" : line.sku().strip();
            if (sku.isEmpty() || sku.length() > 64) {
                problems.put("lines[" + i + "].sku", "Give the SKU of a catalog item or bundle");
            } else if (!seen.add(sku.toUpperCase(Locale.ROOT))) {
                problems.put("lines[" + i + "].sku", sku + " is on two lines; put its units on one");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                problems.put("lines[" + i + "].quantity", "Give 1 to " + MAX_QUANTITY + " units");
            }
        }
        return problems;
    }

    /** Inside a tenant transaction: the named connection, or the tenant's first one when none is named. */
    static Optional<UUID> connection(JdbcClient jdbc, @Nullable UUID named) {
        return named == null
                ? jdbc.sql("SELECT id FROM channel_connection ORDER BY created_at, id LIMIT 1").query(UUID.class)
                        .optional()
                : jdbc.sql("SELECT id FROM channel_connection WHERE id = :id").param("id", named).query(UUID.class)
                        .optional();
    }

    /** The channel's id of an order entered by the brand: its reference, marked so no channel id can clash. */
    static String channelOrderId(String reference) {
        return "API-" + reference;
    }

    static CanonicalOrder canonical(ManualOrderCommand command, String reference, Instant now) {
        List<OrderLine> lines = new ArrayList<>();
        List<ManualOrderCommand.Line> entered = java.util.Objects.requireNonNull(command.lines());
        for (int i = 0; i < entered.size(); i++) {
            ManualOrderCommand.Line line = entered.get(i);
            lines.add(new OrderLine(String.valueOf(i + 1), java.util.Objects.requireNonNull(line.sku()).strip(), null,
                    "", line.quantity(), line.quantity()));
        }
        Address shipTo = java.util.Objects.requireNonNull(command.shipTo());
        return new CanonicalOrder(channelOrderId(reference), reference, now, now, "USD", command.email(), shipTo,
                null, command.shippingMethod(), lines, FinancialStatus.UNKNOWN, null, null);
    }

    /** Inside a tenant transaction: orders matching {@code where}, oldest change first, with their lines. */
    static List<OrderState> states(JdbcClient jdbc, String where, Map<String, ?> parameters, int limit) {
        List<OrderState> orders = jdbc.sql("""
                SELECT o.id, o.connection_id, o.order_name, o.channel_order_id, o.status, o.hold_reasons, o.created_at,
                       o.updated_at, o.version
                FROM sales_order o WHERE %s ORDER BY o.updated_at, o.id LIMIT :limit""".formatted(where))
                .params(parameters).param("limit", limit)
                .query((rs, n) -> new OrderState(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), OrderStatus.valueOf(rs.getString(5)),
                        rs.getString(6).isEmpty() ? List.of() : Arrays.asList(rs.getString(6).split("\n")), List.of(),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getLong(9)))
                .list();
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, List<OrderState.Line>> lines = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT order_id, coalesce(master_sku, channel_sku), master_sku IS NOT NULL, quantity, from_bundle
                FROM sales_order_line WHERE order_id IN (:ids) ORDER BY order_id, line_no""")
                .param("ids", orders.stream().map(OrderState::id).toList())
                .query((rs, n) -> lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new OrderState.Line(rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getString(5))))
                .list();
        return orders.stream().map(order -> new OrderState(order.id(), order.connectionId(), order.orderName(),
                order.channelOrderId(), order.status(), order.holdReasons(), lines.getOrDefault(order.id(), List.of()),
                order.createdAt(), order.updatedAt(), order.version())).toList();
    }
}
