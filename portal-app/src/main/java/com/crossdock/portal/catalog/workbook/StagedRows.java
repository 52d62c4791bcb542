package com.crossdock.portal.catalog.workbook;

import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.workbook.CatalogRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.AliasRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.BundleRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.ItemRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PackRow;
import com.crossdock.tenantconfig.workbook.CatalogRow.PrepRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A batch of typed workbook rows on their way into {@code catalog_import_row}, held column by column so one
 * {@code INSERT ... SELECT FROM unnest(...)} writes the whole batch: far fewer round trips than a row per
 * statement, and the row-level security check still runs on every row.
 */
final class StagedRows {

    /** The columns of catalog_import_row after tenant_id and import_id, with their PostgreSQL array types. */
    private static final String[][] COLUMNS = {
            {"sheet", "text"}, {"row_no", "int8"}, {"sku", "text"}, {"description", "text"}, {"status", "text"},
            {"lot_tracked", "bool"}, {"expiry_tracked", "bool"}, {"serial_tracked", "bool"}, {"hazmat", "bool"},
            {"level", "text"}, {"eaches", "int4"}, {"length_mm", "int4"}, {"width_mm", "int4"},
            {"height_mm", "int4"}, {"weight_g", "int4"}, {"gtin14", "text"}, {"alias_kind", "text"},
            {"alias_value", "text"}, {"bundle_kind", "text"}, {"component_sku", "text"}, {"quantity", "int4"},
            {"prep_category", "text"}, {"prep_types", "text"}, {"prep_owner", "text"}, {"label_owner", "text"}};

    private static final String INSERT = insertStatement();

    private final List<@Nullable Object[]> rows = new ArrayList<>();

    void add(CatalogRow row) {
        Object[] values = new Object[COLUMNS.length];
        values[0] = row.sheet().name();
        values[1] = row.row();
        values[2] = row.sku().value();
        switch (row) {
            case ItemRow item -> {
                values[3] = item.description();
                values[4] = item.status().name();
                values[5] = item.lotTracked();
                values[6] = item.expiryTracked();
                values[7] = item.serialTracked();
                values[8] = item.hazmat();
            }
            case PackRow pack -> {
                values[9] = pack.level().name();
                values[10] = pack.eaches();
                values[11] = pack.lengthMm();
                values[12] = pack.widthMm();
                values[13] = pack.heightMm();
                values[14] = pack.weightG();
                Gtin gtin = pack.gtin();
                values[15] = gtin == null ? null : gtin.gtin14();
            }
            case AliasRow alias -> {
                values[16] = alias.kind().name();
                values[17] = alias.value();
            }
            case BundleRow bundle -> {
                values[18] = bundle.kind().name();
                values[19] = bundle.componentSku().value();
                values[20] = bundle.quantity();
            }
            case PrepRow prep -> {
                values[21] = prep.prep().category() == null ? null : prep.prep().category().name();
                values[22] = String.join(",", prep.prep().types().stream().map(Enum::name).sorted().toList());
                values[23] = prep.prep().prepOwner() == null ? null : prep.prep().prepOwner().name();
                values[24] = prep.prep().labelOwner() == null ? null : prep.prep().labelOwner().name();
            }
        }
        rows.add(values);
    }

    int size() {
        return rows.size();
    }

    /** Writes the batch for {@code importId} into the current tenant's staging rows, and empties it. */
    void flush(Connection connection, UUID importId) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, importId);
            for (int column = 0; column < COLUMNS.length; column++) {
                Object[] values = new Object[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    values[i] = rows.get(i)[column];
                }
                insert.setArray(column + 2, connection.createArrayOf(COLUMNS[column][1], values));
            }
            insert.executeUpdate();
        }
        rows.clear();
    }

    private static String insertStatement() {
        StringBuilder names = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (String[] column : COLUMNS) {
            names.append(", ").append(column[0]);
            arrays.append(arrays.isEmpty() ? "" : ", ").append("?::").append(column[1]).append("[]");
        }
        return "INSERT INTO catalog_import_row (tenant_id, import_id" + names + ") "
                + "SELECT crossdock_current_tenant(), ?, u.* FROM unnest(" + arrays + ") AS u";
    }
}
