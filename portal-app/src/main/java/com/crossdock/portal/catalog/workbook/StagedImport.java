package com.crossdock.portal.catalog.workbook;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The staged rows of one upload as the temporary table {@code staged}, dropped with the transaction. The checks,
 * the plan and the commit join hundreds of thousands of fresh rows; the application role may not ANALYZE the shared
 * staging table, and without statistics PostgreSQL picks nested loops that take minutes. A temporary table is the
 * role's own: it is indexed and analyzed here, so the planner sees the real row counts.
 */
@Component
class StagedImport {

    private final JdbcClient jdbc;

    StagedImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the upload's rows into {@code staged}; call inside the tenant transaction that uses them. */
    void load(UUID importId) {
        jdbc.sql("DROP TABLE IF EXISTS staged").update();
        jdbc.sql("CREATE TEMPORARY TABLE staged ON COMMIT DROP AS SELECT * FROM catalog_import_row WHERE import_id = :id")
                .param("id", importId).update();
        jdbc.sql("CREATE INDEX ON staged (sheet, sku)").update();
        jdbc.sql("CREATE INDEX ON staged (gtin14) WHERE gtin14 IS NOT NULL").update();
        jdbc.sql("ANALYZE staged").update();
    }
}
