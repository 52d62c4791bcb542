package com.crossdock.portal.catalog.workbook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an upload would do to each item and bundle it names, worked out against the catalog as it is now: the
 * temporary table {@code import_plan (target, sku, change)}, dropped with the transaction. An item is every SKU
 * named on the Items, Packs, Aliases or FBA prep sheets; a part of an item changes only if its sheet names the
 * SKU, so an upload of Items alone leaves packs, aliases and prep as they are. An item or bundle with a problem
 * row anywhere is INVALID as a whole.
 */
@Component
class ImportPlan {

    private static final String PACK_SIGNATURE = """
            string_agg(concat_ws(':', level, eaches, coalesce(length_mm::text, ''), coalesce(width_mm::text, ''),
                coalesce(height_mm::text, ''), coalesce(weight_g::text, ''), coalesce(gtin14, '')), '|'
                ORDER BY level)""";

    private static final String PLAN = """
            INSERT INTO import_plan (target, sku, change)
            WITH bad AS (SELECT DISTINCT sku FROM catalog_import_problem
                    WHERE import_id = :id AND sheet IN ('ITEMS', 'PACKS', 'ALIASES', 'PREP') AND sku <> ''),
            skus AS (SELECT sku FROM staged WHERE sheet <> 'BUNDLES' UNION SELECT sku FROM bad),
            item_changed AS (
                SELECT s.sku FROM staged s JOIN catalog_item c ON c.sku = s.sku WHERE s.sheet = 'ITEMS'
                AND (s.description, s.status, s.lot_tracked, s.expiry_tracked, s.serial_tracked, s.hazmat)
                    IS DISTINCT FROM (c.description, c.status, c.lot_tracked, c.expiry_tracked, c.serial_tracked,
                                      c.hazmat)),
            packs_new AS (SELECT sku, %1$s AS sig FROM staged WHERE sheet = 'PACKS' GROUP BY sku),
            packs_old AS (SELECT c.sku, %1$s AS sig FROM catalog_item c JOIN catalog_pack p ON p.item_id = c.id
                          WHERE c.sku IN (SELECT sku FROM packs_new) GROUP BY c.sku),
            aliases_new AS (SELECT sku, string_agg(alias_kind || ':' || alias_value, '|'
                                ORDER BY alias_kind, alias_value) AS sig
                            FROM staged WHERE sheet = 'ALIASES' GROUP BY sku),
            aliases_old AS (SELECT c.sku, string_agg(a.kind || ':' || a.value, '|' ORDER BY a.kind, a.value) AS sig
                            FROM catalog_item c JOIN catalog_alias a ON a.item_id = c.id
                            WHERE c.sku IN (SELECT sku FROM aliases_new) GROUP BY c.sku),
            prep_changed AS (
                SELECT s.sku FROM staged s JOIN catalog_item c ON c.sku = s.sku WHERE s.sheet = 'PREP'
                AND (s.prep_category, s.prep_types, s.prep_owner, s.label_owner)
                    IS DISTINCT FROM (c.prep_category, c.prep_types, c.prep_owner, c.label_owner)),
            changed AS (
                SELECT sku FROM item_changed
                UNION SELECT n.sku FROM packs_new n LEFT JOIN packs_old o ON o.sku = n.sku
                      WHERE n.sig IS DISTINCT FROM o.sig
                UNION SELECT n.sku FROM aliases_new n LEFT JOIN aliases_old o ON o.sku = n.sku
                      WHERE n.sig IS DISTINCT FROM o.sig
                UNION SELECT sku FROM prep_changed),
            bundle_bad AS (SELECT DISTINCT sku FROM catalog_import_problem WHERE import_id = :id AND sheet = 'BUNDLES'),
            bundles_new AS (SELECT sku, min(bundle_kind) AS kind,
                                   string_agg(component_sku || ':' || quantity, '|' ORDER BY component_sku) AS sig
                            FROM staged WHERE sheet = 'BUNDLES' GROUP BY sku),
            bundles_old AS (SELECT b.sku, b.kind,
                                   string_agg(c.component_sku || ':' || c.quantity, '|' ORDER BY c.component_sku) AS sig
                            FROM catalog_bundle b JOIN catalog_bundle_component c ON c.bundle_id = b.id
                            WHERE b.sku IN (SELECT sku FROM bundles_new) GROUP BY b.sku, b.kind)
            SELECT 'ITEM', k.sku, CASE WHEN EXISTS (SELECT 1 FROM bad WHERE bad.sku = k.sku) THEN 'INVALID'
                                       WHEN NOT EXISTS (SELECT 1 FROM catalog_item c WHERE c.sku = k.sku) THEN 'NEW'
                                       WHEN EXISTS (SELECT 1 FROM changed WHERE changed.sku = k.sku) THEN 'CHANGED'
                                       ELSE 'UNCHANGED' END
            FROM skus k
            UNION ALL
            SELECT 'BUNDLE', k.sku, CASE WHEN bb.sku IS NOT NULL THEN 'INVALID'
                                         WHEN o.sku IS NULL THEN 'NEW'
                                         WHEN (n.kind, n.sig) IS DISTINCT FROM (o.kind, o.sig) THEN 'CHANGED'
                                         ELSE 'UNCHANGED' END
            FROM (SELECT sku FROM bundles_new UNION SELECT sku FROM bundle_bad) k
            LEFT JOIN bundles_new n ON n.sku = k.sku
            LEFT JOIN bundles_old o ON o.sku = k.sku
            LEFT JOIN bundle_bad bb ON bb.sku = k.sku""".formatted(PACK_SIGNATURE);

    private final JdbcClient jdbc;

    ImportPlan(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fills {@code import_plan} for the upload from {@link StagedImport}'s table; call in the same transaction. */
    void build(UUID importId) {
        jdbc.sql("DROP TABLE IF EXISTS import_plan").update();
        jdbc.sql("CREATE TEMPORARY TABLE import_plan (target TEXT NOT NULL, sku TEXT NOT NULL, change TEXT NOT NULL, "
                + "PRIMARY KEY (target, sku)) ON COMMIT DROP").update();
        jdbc.sql(PLAN).param("id", importId).update();
        jdbc.sql("ANALYZE import_plan").update();
    }

    /** How many items ({@code ITEM}) or bundles ({@code BUNDLE}) the plan has per kind of change. */
    Map<ImportChange, Long> counts(String target) {
        Map<ImportChange, Long> counts = new EnumMap<>(ImportChange.class);
        jdbc.sql("SELECT change, count(*) FROM import_plan WHERE target = :target GROUP BY change")
                .param("target", target)
                .query((rs, n) -> counts.put(ImportChange.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** Up to {@code limit} SKUs per kind of change, items before bundles, each by SKU. */
    Map<ImportChange, List<String>> samples(int limit) {
        Map<ImportChange, List<String>> samples = new EnumMap<>(ImportChange.class);
        for (ImportChange change : ImportChange.values()) {
            samples.put(change, jdbc.sql("""
                    SELECT sku FROM import_plan WHERE change = :change
                    ORDER BY target DESC, sku LIMIT :limit""")
                    .param("change", change.name()).param("limit", limit).query(String.class).list());
        }
        return samples;
    }
}
