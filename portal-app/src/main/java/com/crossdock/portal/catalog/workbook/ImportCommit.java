package com.crossdock.portal.catalog.workbook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what {@link ImportPlan} marked NEW or CHANGED into the catalog, as set operations from the staged rows:
 * items upserted, the packs, aliases and prep of each named item replaced, bundles upserted with their components,
 * versions raised so open editors notice, and one audit revision holding the state after the import. Runs inside
 * the caller's tenant transaction, after {@link ImportPlan#build}.
 */
@Component
class ImportCommit {

    private static final String WRITTEN = "p.change IN ('NEW', 'CHANGED')";

    private static final List<String> ITEM_STEPS = List.of(
            """
            INSERT INTO catalog_item (tenant_id, id, sku, description, status, lot_tracked, expiry_tracked,
                                      serial_tracked, hazmat, prep_types, created_at, updated_at, updated_by, version)
            SELECT crossdock_current_tenant(), gen_random_uuid(), s.sku, s.description, s.status, s.lot_tracked,
                   s.expiry_tracked, s.serial_tracked, s.hazmat, '', :now, :now, :actor, 0
            FROM staged s JOIN import_plan p ON p.target = 'ITEM' AND p.sku = s.sku AND %1$s
            WHERE s.import_id = :id AND s.sheet = 'ITEMS'
            ON CONFLICT (tenant_id, sku) DO UPDATE SET description = excluded.description, status = excluded.status,
                lot_tracked = excluded.lot_tracked, expiry_tracked = excluded.expiry_tracked,
                serial_tracked = excluded.serial_tracked, hazmat = excluded.hazmat""",
            """
            DELETE FROM catalog_pack WHERE item_id IN (
                SELECT c.id FROM catalog_item c JOIN import_plan p ON p.target = 'ITEM' AND p.sku = c.sku AND %1$s
                WHERE EXISTS (SELECT 1 FROM staged s
                              WHERE s.import_id = :id AND s.sheet = 'PACKS' AND s.sku = c.sku))""",
            """
            INSERT INTO catalog_pack (tenant_id, id, item_id, level, eaches, length_mm, width_mm, height_mm, weight_g,
                                      gtin14)
            SELECT crossdock_current_tenant(), gen_random_uuid(), c.id, s.level, s.eaches, s.length_mm, s.width_mm,
                   s.height_mm, s.weight_g, s.gtin14
            FROM staged s JOIN import_plan p ON p.target = 'ITEM' AND p.sku = s.sku AND %1$s
            JOIN catalog_item c ON c.sku = s.sku
            WHERE s.import_id = :id AND s.sheet = 'PACKS'""",
            """
            DELETE FROM catalog_alias WHERE item_id IN (
                SELECT c.id FROM catalog_item c JOIN import_plan p ON p.target = 'ITEM' AND p.sku = c.sku AND %1$s
                WHERE EXISTS (SELECT 1 FROM staged s
                              WHERE s.import_id = :id AND s.sheet = 'ALIASES' AND s.sku = c.sku))""",
            """
            INSERT INTO catalog_alias (tenant_id, id, item_id, kind, value)
            SELECT crossdock_current_tenant(), gen_random_uuid(), c.id, s.alias_kind, s.alias_value
            FROM staged s JOIN import_plan p ON p.target = 'ITEM' AND p.sku = s.sku AND %1$s
            JOIN catalog_item c ON c.sku = s.sku
            WHERE s.import_id = :id AND s.sheet = 'ALIASES'""",
            """
            UPDATE catalog_item c SET prep_category = s.prep_category, prep_types = s.prep_types,
                   prep_owner = s.prep_owner, label_owner = s.label_owner
            FROM staged s JOIN import_plan p ON p.target = 'ITEM' AND p.sku = s.sku AND %1$s
            WHERE s.import_id = :id AND s.sheet = 'PREP' AND c.sku = s.sku""",
            """
            UPDATE catalog_item c SET updated_at = :now, updated_by = :actor, version = c.version + 1
            FROM import_plan p WHERE p.target = 'ITEM' AND p.sku = c.sku AND p.change = 'CHANGED'""",
            """
            INSERT INTO catalog_item_aud (id, rev, revtype, tenant_id, sku, description, status, lot_tracked,
                                          expiry_tracked, serial_tracked, hazmat, prep_category, prep_types,
                                          prep_owner, label_owner)
            SELECT c.id, :rev, CASE WHEN p.change = 'NEW' THEN 0 ELSE 1 END, c.tenant_id, c.sku, c.description,
                   c.status, c.lot_tracked, c.expiry_tracked, c.serial_tracked, c.hazmat, c.prep_category,
                   c.prep_types, c.prep_owner, c.label_owner
            FROM catalog_item c JOIN import_plan p ON p.target = 'ITEM' AND p.sku = c.sku AND %1$s""");

    private static final List<String> BUNDLE_STEPS = List.of(
            """
            INSERT INTO catalog_bundle (tenant_id, id, sku, kind, components_summary, updated_at, updated_by, version)
            SELECT crossdock_current_tenant(), gen_random_uuid(), s.sku, min(s.bundle_kind),
                   string_agg(s.quantity || ' × ' || s.component_sku, ', ' ORDER BY s.row_no), :now, :actor, 0
            FROM staged s JOIN import_plan p ON p.target = 'BUNDLE' AND p.sku = s.sku AND %1$s
            WHERE s.import_id = :id AND s.sheet = 'BUNDLES'
            GROUP BY s.sku
            ON CONFLICT (tenant_id, sku) DO UPDATE SET kind = excluded.kind,
                components_summary = excluded.components_summary, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by, version = catalog_bundle.version + 1""",
            """
            DELETE FROM catalog_bundle_component WHERE bundle_id IN (
                SELECT b.id FROM catalog_bundle b JOIN import_plan p ON p.target = 'BUNDLE' AND p.sku = b.sku
                AND %1$s)""",
            """
            INSERT INTO catalog_bundle_component (tenant_id, id, bundle_id, component_sku, quantity)
            SELECT crossdock_current_tenant(), gen_random_uuid(), b.id, s.component_sku, s.quantity
            FROM staged s JOIN import_plan p ON p.target = 'BUNDLE' AND p.sku = s.sku AND %1$s
            JOIN catalog_bundle b ON b.sku = s.sku
            WHERE s.import_id = :id AND s.sheet = 'BUNDLES'""",
            """
            INSERT INTO catalog_bundle_aud (id, rev, revtype, tenant_id, sku, kind, components_summary)
            SELECT b.id, :rev, CASE WHEN p.change = 'NEW' THEN 0 ELSE 1 END, b.tenant_id, b.sku, b.kind,
                   b.components_summary
            FROM catalog_bundle b JOIN import_plan p ON p.target = 'BUNDLE' AND p.sku = b.sku AND %1$s""");

    private final JdbcClient jdbc;

    ImportCommit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static int steps() {
        return ITEM_STEPS.size() + BUNDLE_STEPS.size() + 1;
    }

    /** Writes the plan; {@code step} hears each step as it starts (2-based: step 1 is the revision). */
    void write(UUID importId, Instant now, String actor, java.util.function.IntConsumer step) {
        long revision = jdbc.sql("""
                INSERT INTO audit_revision (occurred_at, actor, tenant_id)
                VALUES (:now, :actor, crossdock_current_tenant()) RETURNING id""")
                .param("now", Timestamp.from(now)).param("actor", actor).query(Long.class).single();
        int started = 1;
        for (String statement : concat(ITEM_STEPS, BUNDLE_STEPS)) {
            step.accept(++started);
            jdbc.sql(statement.formatted(WRITTEN)).param("id", importId).param("now", Timestamp.from(now))
                    .param("actor", actor).param("rev", revision).update();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
