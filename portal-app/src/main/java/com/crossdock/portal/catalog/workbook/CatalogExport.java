package com.crossdock.portal.catalog.workbook;

import com.crossdock.tenantconfig.catalog.AliasKind;
import com.crossdock.tenantconfig.catalog.BundleKind;
import com.crossdock.tenantconfig.catalog.Gtin;
import com.crossdock.tenantconfig.catalog.ItemStatus;
import com.crossdock.tenantconfig.catalog.PackLevel;
import com.crossdock.tenantconfig.catalog.Sku;
import com.crossdock.tenantconfig.prep.PrepAttributes;
import com.crossdock.tenantconfig.prep.PrepCategory;
import com.crossdock.tenantconfig.prep.PrepOwner;
import com.crossdock.tenantconfig.prep.PrepType;
import com.crossdock.tenantconfig.workbook.CatalogRow;
import com.crossdock.tenantconfig.workbook.Sheet;
import com.crossdock.tenantconfig.workbook.WorkbookFormat;
import com.crossdock.tenantconfig.workbook.WorkbookWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenant's catalog as workbook rows, sheet by sheet, streamed from the database so a large catalog never sits
 * in memory. Runs inside the caller's read transaction (a cursor needs one).
 */
@Component
class CatalogExport {

    private static final String LEVEL_ORDER = "array_position(ARRAY['EACH', 'INNER', 'CASE', 'PALLET'], p.level)";

    private final JdbcClient jdbc;

    CatalogExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(WorkbookFormat format, OutputStream out) {
        try (WorkbookWriter writer = WorkbookWriter.open(format, out)) {
            sheet(writer, Sheet.ITEMS, """
                    SELECT sku, description, status, lot_tracked, expiry_tracked, serial_tracked, hazmat
                    FROM catalog_item ORDER BY sku""", CatalogExport::item);
            if (format != WorkbookFormat.CSV) {
                sheet(writer, Sheet.PACKS, """
                        SELECT c.sku, p.level, p.eaches, p.length_mm, p.width_mm, p.height_mm, p.weight_g, p.gtin14
                        FROM catalog_pack p JOIN catalog_item c ON c.id = p.item_id
                        ORDER BY c.sku, """ + LEVEL_ORDER, CatalogExport::pack);
                sheet(writer, Sheet.ALIASES, """
                        SELECT c.sku, a.kind, a.value FROM catalog_alias a JOIN catalog_item c ON c.id = a.item_id
                        ORDER BY c.sku, a.kind, a.value""", (rs, n) -> new CatalogRow.AliasRow(0, Sku.of(rs.getString(1)),
                        AliasKind.valueOf(rs.getString(2)), rs.getString(3)));
                sheet(writer, Sheet.BUNDLES, """
                        SELECT b.sku, b.kind, c.component_sku, c.quantity FROM catalog_bundle b
                        JOIN catalog_bundle_component c ON c.bundle_id = b.id ORDER BY b.sku, c.component_sku""",
                        (rs, n) -> new CatalogRow.BundleRow(0, Sku.of(rs.getString(1)),
                                BundleKind.valueOf(rs.getString(2)), Sku.of(rs.getString(3)), rs.getInt(4)));
                sheet(writer, Sheet.PREP, """
                        SELECT sku, prep_category, prep_types, prep_owner, label_owner FROM catalog_item
                        WHERE prep_category IS NOT NULL OR prep_types <> '' OR prep_owner IS NOT NULL
                           OR label_owner IS NOT NULL
                        ORDER BY sku""", CatalogExport::prep);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(WorkbookWriter writer, Sheet sheet, String query, RowMapper<? extends CatalogRow> mapper) {
        try (Stream<? extends CatalogRow> rows = jdbc.sql(query).withFetchSize(2_000).query(mapper).stream()) {
            Iterator<? extends CatalogRow> iterator = rows.iterator();
            writer.sheet(sheet, iterator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CatalogRow item(ResultSet rs, int n) throws SQLException {
        return new CatalogRow.ItemRow(0, Sku.of(rs.getString(1)), rs.getString(2),
                ItemStatus.valueOf(rs.getString(3)), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6),
                rs.getBoolean(7));
    }

    private static CatalogRow pack(ResultSet rs, int n) throws SQLException {
        String gtin14 = rs.getString(8);
        return new CatalogRow.PackRow(0, Sku.of(rs.getString(1)), PackLevel.valueOf(rs.getString(2)), rs.getInt(3),
                integer(rs, 4), integer(rs, 5), integer(rs, 6), integer(rs, 7),
                gtin14 == null ? null : Gtin.parse(gtin14).shortest());
    }

    private static CatalogRow prep(ResultSet rs, int n) throws SQLException {
        String types = rs.getString(3);
        Set<PrepType> prepTypes = types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(PrepType::valueOf).collect(Collectors.toSet());
        return new CatalogRow.PrepRow(0, Sku.of(rs.getString(1)), new PrepAttributes(
                rs.getString(2) == null ? null : PrepCategory.valueOf(rs.getString(2)), prepTypes,
                owner(rs.getString(4)), owner(rs.getString(5))));
    }

    private static @Nullable PrepOwner owner(@Nullable String value) {
        return value == null ? null : PrepOwner.valueOf(value);
    }

    private static @Nullable Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
