package com.crossdock.portal.catalog.workbook;

import com.crossdock.tenantconfig.catalog.BundleCycleException;
import com.crossdock.tenantconfig.catalog.BundleDefinition;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.Bundles;
import com.crossdock.tenantconfig.catalog.Sku;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks that need more than one row: a row against the other rows of the upload (a SKU twice, a barcode on two
 * packs, a bundle of two kinds) and against the tenant's catalog (a barcode another item has, a SKU nobody
 * defined, bundles that would contain each other). Each finding becomes a problem row, beside those from reading.
 * Runs inside the caller's tenant transaction.
 */
@Component
class ImportChecks {

    private static final String PROBLEM = """
            INSERT INTO catalog_import_problem (tenant_id, import_id, sheet, row_no, sku, column_name, cell_value, reason)
            SELECT crossdock_current_tenant(), :id, p.* FROM (%s) AS p""";

    /** Each check selects (sheet, row_no, sku, column, value, reason). */
    private static final List<String> CHECKS = List.of(
            // The same SKU twice in Items.
            """
            SELECT 'ITEMS', row_no, sku, 'SKU', sku,
                   'SKU ' || sku || ' is also on row ' || first_row || ' of Items; keep one row per item'
            FROM (SELECT row_no, sku, min(row_no) OVER (PARTITION BY sku) AS first_row
                  FROM staged WHERE import_id = :id AND sheet = 'ITEMS') r
            WHERE row_no > first_row""",
            // The same pack level of one item twice.
            """
            SELECT 'PACKS', row_no, sku, 'Level', level,
                   'SKU ' || sku || ' already has a ' || level || ' pack on row ' || first_row
                   || '; one row per pack level'
            FROM (SELECT row_no, sku, level, min(row_no) OVER (PARTITION BY sku, level) AS first_row
                  FROM staged WHERE import_id = :id AND sheet = 'PACKS') r
            WHERE row_no > first_row""",
            // One barcode on two packs of the upload.
            """
            SELECT 'PACKS', row_no, sku, 'GTIN', gtin14,
                   'Barcode ' || gtin14 || ' is also on row ' || first_row || ' (' || first_sku
                   || '); a barcode names one pack of one item'
            FROM (SELECT row_no, sku, gtin14, first_value(row_no) OVER w AS first_row,
                         first_value(sku) OVER w AS first_sku
                  FROM staged WHERE import_id = :id AND sheet = 'PACKS' AND gtin14 IS NOT NULL
                  WINDOW w AS (PARTITION BY gtin14 ORDER BY row_no)) r
            WHERE row_no > first_row""",
            // A barcode another item of the catalog keeps (its packs are not replaced by this upload).
            """
            SELECT 'PACKS', r.row_no, r.sku, 'GTIN', r.gtin14,
                   'Barcode ' || r.gtin14 || ' belongs to ' || c.sku
                   || ' in the catalog; remove it there or correct it here'
            FROM staged r
            JOIN catalog_pack p ON p.gtin14 = r.gtin14
            JOIN catalog_item c ON c.id = p.item_id
            WHERE r.import_id = :id AND r.sheet = 'PACKS' AND c.sku <> r.sku
              AND NOT EXISTS (SELECT 1 FROM staged o
                              WHERE o.import_id = :id AND o.sheet = 'PACKS' AND o.sku = c.sku)""",
            // Packs, aliases or prep of an item that is neither in Items nor in the catalog.
            """
            SELECT r.sheet, r.row_no, r.sku, 'SKU', r.sku,
                   'SKU ' || r.sku || ' is neither in the Items sheet nor in the catalog; add it to Items'
                   || coalesce(' (the catalog has ' || (SELECT min(c.sku) FROM catalog_item c
                                                         WHERE upper(c.sku) = upper(r.sku)) || ')', '')
            FROM staged r
            WHERE r.import_id = :id AND r.sheet IN ('PACKS', 'ALIASES', 'PREP')
              AND NOT EXISTS (SELECT 1 FROM staged i
                              WHERE i.import_id = :id AND i.sheet = 'ITEMS' AND i.sku = r.sku)
              AND NOT EXISTS (SELECT 1 FROM catalog_item c WHERE c.sku = r.sku)""",
            // The same channel identifier twice on one item.
            """
            SELECT 'ALIASES', row_no, sku, 'Value', alias_value,
                   alias_kind || ' ' || alias_value || ' is already on row ' || first_row || ' for ' || sku
            FROM (SELECT row_no, sku, alias_kind, alias_value,
                         min(row_no) OVER (PARTITION BY sku, alias_kind, alias_value) AS first_row
                  FROM staged WHERE import_id = :id AND sheet = 'ALIASES') r
            WHERE row_no > first_row""",
            // Prep attributes of one item twice.
            """
            SELECT 'PREP', row_no, sku, 'SKU', sku,
                   'The FBA prep of ' || sku || ' is also on row ' || first_row || '; one row per item'
            FROM (SELECT row_no, sku, min(row_no) OVER (PARTITION BY sku) AS first_row
                  FROM staged WHERE import_id = :id AND sheet = 'PREP') r
            WHERE row_no > first_row""",
            // A bundle whose rows disagree on its kind.
            """
            SELECT 'BUNDLES', row_no, sku, 'Kind', bundle_kind,
                   'Bundle ' || sku || ' is ' || first_kind || ' on row ' || first_row
                   || '; every row of a bundle has the same kind'
            FROM (SELECT row_no, sku, bundle_kind, first_value(bundle_kind) OVER w AS first_kind,
                         first_value(row_no) OVER w AS first_row
                  FROM staged WHERE import_id = :id AND sheet = 'BUNDLES'
                  WINDOW w AS (PARTITION BY sku ORDER BY row_no)) r
            WHERE bundle_kind <> first_kind""",
            // A component twice in one bundle, or the bundle inside itself.
            """
            SELECT 'BUNDLES', row_no, sku, 'Component SKU', component_sku,
                   CASE WHEN component_sku = sku THEN 'A bundle cannot contain itself'
                        ELSE 'Bundle ' || sku || ' lists ' || component_sku || ' on row ' || first_row
                             || ' already; put the total quantity on one row' END
            FROM (SELECT row_no, sku, component_sku,
                         min(row_no) OVER (PARTITION BY sku, component_sku) AS first_row
                  FROM staged WHERE import_id = :id AND sheet = 'BUNDLES') r
            WHERE row_no > first_row OR component_sku = sku""");

    private final JdbcClient jdbc;

    ImportChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a problem row for everything wrong between rows; {@code step} hears each check as it starts (1-based). */
    void run(UUID importId, java.util.function.IntConsumer step) {
        int started = 0;
        for (String check : CHECKS) {
            step.accept(++started);
            jdbc.sql(PROBLEM.formatted(check)).param("id", importId).update();
        }
        step.accept(++started);
        bundleLoops(importId);
    }

    static int steps() {
        return CHECKS.size() + 1;
    }

    /**
     * Bundles of the upload that would contain each other, directly or through bundles already in the catalog.
     * Each loop found marks every upload row of the bundles in it; the check repeats without them until no loop
     * is left.
     */
    private void bundleLoops(UUID importId) {
        Map<Sku, BundleDefinition> definitions = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT b.sku, b.kind, c.component_sku, c.quantity FROM catalog_bundle b
                JOIN catalog_bundle_component c ON c.bundle_id = b.id
                WHERE NOT EXISTS (SELECT 1 FROM staged r
                                  WHERE r.import_id = :id AND r.sheet = 'BUNDLES' AND r.sku = b.sku)
                ORDER BY b.sku, c.component_sku""").param("id", importId)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list().forEach(line -> line.addTo(definitions));
        Set<Sku> uploaded = new HashSet<>();
        jdbc.sql("""
                SELECT r.sku, min(r.bundle_kind) OVER (PARTITION BY r.sku), r.component_sku, r.quantity
                FROM staged r WHERE r.import_id = :id AND r.sheet = 'BUNDLES'
                AND NOT EXISTS (SELECT 1 FROM catalog_import_problem p
                                WHERE p.import_id = :id AND p.sheet = 'BUNDLES' AND p.sku = r.sku)
                ORDER BY r.sku, r.row_no""").param("id", importId)
                .query((rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list().forEach(line -> uploaded.add(line.addTo(definitions)));
        while (true) {
            try {
                Bundles.of(definitions.values());
                return;
            } catch (BundleCycleException loop) {
                List<String> inLoop = new ArrayList<>();
                for (Sku sku : new HashSet<>(loop.cycle())) {
                    definitions.remove(sku);
                    if (uploaded.contains(sku)) {
                        inLoop.add(sku.value());
                    }
                }
                if (inLoop.isEmpty()) {
                    return;
                }
                jdbc.sql(PROBLEM.formatted("""
                        SELECT 'BUNDLES', row_no, sku, 'Bundle SKU', sku, :reason FROM staged
                        WHERE import_id = :id AND sheet = 'BUNDLES' AND sku IN (:skus)"""))
                        .param("id", importId).param("reason", loop.getMessage() + "; break the loop")
                        .param("skus", inLoop).update();
            }
        }
    }

    /** One component line of a bundle, from the catalog or the upload. */
    private record Line(String sku, String kind, String component, int quantity) {
        Sku addTo(Map<Sku, BundleDefinition> definitions) {
            Sku bundle = Sku.of(sku);
            BundleDefinition before = definitions.get(bundle);
            List<BundleDefinition.Component> components = new ArrayList<>(before == null ? List.of()
                    : before.components());
            components.add(new BundleDefinition.Component(Sku.of(component), quantity));
            definitions.put(bundle, new BundleDefinition(bundle, BundleKind.valueOf(kind), components));
            return bundle;
        }
    }
}
