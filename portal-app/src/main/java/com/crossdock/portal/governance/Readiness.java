package com.crossdock.portal.governance;

import com.crossdock.portal.catalog.Finding;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Works out readiness items from the data of the tenant whose transaction is open: the catalog, connections, the
 * warehouse account, the source of truth, ship methods and open exceptions that stop orders or stock.
 */
final class Readiness {

    /** Exceptions that stop an order or a stock number from moving; any open one fails readiness. */
    static final List<String> CRITICAL = List.of("UNKNOWN_SKU", "AMBIGUOUS_SKU", "OWNERSHIP_CONFLICT",
            "SHIPMENT_MISMATCH", "SHIPMENT_FOR_UNKNOWN_ORDER", "WMS_ORDER_INCOMPLETE", "WMS_DOCUMENT_UNUSABLE",
            "CANCEL_AFTER_SHIPMENT", "FLOW_FAILED", "SKU_NOT_IN_CHANNEL", "INVENTORY_REFUSED", "FULFILLMENT_REFUSED");

    private Readiness() {
    }

    static List<ReadinessItem> of(JdbcClient jdbc, List<Finding> findings, OwnershipMatrix matrix,
            List<ShipMethodMapping> mappings, List<ExceptionOwner> exceptionOwners) {
        List<ReadinessItem> items = new ArrayList<>();
        long active = count(jdbc, "SELECT count(*) FROM catalog_item WHERE status = 'ACTIVE'");
        items.add(active == 0
                ? new ReadinessItem("catalog", "Catalog complete", false, "No active items yet: import the catalog "
                        + "workbook or add items", "import")
                : findings.isEmpty()
                ? new ReadinessItem("catalog", "Catalog complete", true, active + " active items, no data-quality "
                        + "findings", "quality")
                : new ReadinessItem("catalog", "Catalog complete", false, findings.size() + " data-quality "
                        + "finding(s), e.g. " + findings.getFirst().problem(), "quality"));
        long connections = count(jdbc, "SELECT count(*) FROM channel_connection");
        items.add(new ReadinessItem("channels", "Channels connected", connections > 0, connections > 0
                ? connections + " channel connection(s)" : "No sales channel connected: connect the Shopify store",
                "channels"));
        long accounts = count(jdbc, "SELECT count(*) FROM wms_account");
        items.add(new ReadinessItem("warehouse", "Warehouse account mapped", accounts > 0, accounts > 0
                ? "The brand has an account at the warehouse" : "No warehouse account: the 3PL assigns the brand's "
                        + "customer code at a warehouse", "warehouse", "3PL"));
        boolean chosen = matrix.entries().stream().anyMatch(entry -> !entry.isDefault());
        items.add(new ReadinessItem("source-of-truth", "Source of truth set", chosen, chosen
                ? "Owners chosen (configuration version " + matrix.version() + ")"
                : "Only the defaults so far: review who owns each kind of data and choose the owners", "setup"));
        items.add(shipMethods(jdbc, mappings));
        long unconfirmed = exceptionOwners.stream().filter(owner -> !owner.confirmed()).count();
        items.add(new ReadinessItem("exception-owners", "Every exception queue owned", unconfirmed == 0,
                unconfirmed == 0 ? exceptionOwners.size() + " queues, each with its side and response time"
                        : unconfirmed + " of " + exceptionOwners.size() + " exception queues still on their default "
                        + "owner: review and confirm who answers each, and how fast", "setup", "Brand and 3PL"));
        List<String> open = jdbc.sql("""
                SELECT reason_code FROM integration_exception WHERE status = 'OPEN' AND reason_code IN (:codes)
                GROUP BY reason_code ORDER BY count(*) DESC""").param("codes", CRITICAL).query(String.class).list();
        long openCount = open.isEmpty() ? 0 : jdbc.sql("""
                SELECT count(*) FROM integration_exception WHERE status = 'OPEN' AND reason_code IN (:codes)""")
                .param("codes", CRITICAL).query(Long.class).single();
        items.add(new ReadinessItem("exceptions", "No open critical exceptions", open.isEmpty(), open.isEmpty()
                ? "No open exception stops orders or stock" : openCount + " open: " + String.join(", ", open),
                "exceptions", owners(jdbc)));
        return List.copyOf(items);
    }

    /** Every shipping method the brand's orders used is mapped; with no orders yet, at least one mapping. */
    private static ReadinessItem shipMethods(JdbcClient jdbc, List<ShipMethodMapping> mappings) {
        List<String> mapped = mappings.stream().map(ShipMethodMapping::serviceLevel).toList();
        List<String> unmapped = jdbc.sql("""
                SELECT DISTINCT upper(trim(shipping_method)) FROM sales_order
                WHERE shipping_method IS NOT NULL AND trim(shipping_method) <> '' ORDER BY 1""")
                .query(String.class).list().stream().filter(level -> !mapped.contains(level)).toList();
        if (!unmapped.isEmpty()) {
            return new ReadinessItem("ship-methods", "Ship methods mapped", false, "Not mapped yet: "
                    + String.join(", ", unmapped.stream().limit(5).toList()), "setup");
        }
        return mappings.isEmpty()
                ? new ReadinessItem("ship-methods", "Ship methods mapped", false, "No ship method mapped: map the "
                        + "store's shipping methods to the warehouse's carriers", "setup")
                : new ReadinessItem("ship-methods", "Ship methods mapped", true, mappings.size() + " mapped, and "
                        + "every method on the brand's orders is one of them", "setup");
    }

    /** The sides the open critical exceptions are routed to (each exception's owner), or the brand's by default. */
    private static String owners(JdbcClient jdbc) {
        List<String> sides = jdbc.sql("""
                SELECT DISTINCT owner FROM integration_exception WHERE status = 'OPEN' AND reason_code IN (:codes)
                AND owner IS NOT NULL ORDER BY owner DESC""").param("codes", CRITICAL).query(String.class).list();
        return sides.isEmpty() ? "Brand" : String.join(" and ", sides);
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
