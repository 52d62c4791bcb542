package com.crossdock.portal.catalog.workbook;

import com.crossdock.tenantconfig.workbook.RowProblem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Writes problems found while reading into {@code catalog_import_problem}, a batch per statement. */
final class StagedProblems {

    private static final String INSERT = """
            INSERT INTO catalog_import_problem (tenant_id, import_id, sheet, row_no, sku, column_name, cell_value,
                                                reason)
            SELECT crossdock_current_tenant(), ?, u.* FROM unnest(?::text[], ?::int8[], ?::text[], ?::text[],
                                                                  ?::text[], ?::text[]) AS u""";

    private StagedProblems() {
    }

    static void flush(Connection connection, UUID importId, List<RowProblem> problems) throws SQLException {
        if (problems.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, importId);
            insert.setArray(2, array(connection, "text", problems, problem -> problem.sheet().name()));
            insert.setArray(3, array(connection, "int8", problems, RowProblem::row));
            insert.setArray(4, array(connection, "text", problems, problem -> clip(problem.sku())));
            insert.setArray(5, array(connection, "text", problems, problem -> clip(problem.column())));
            insert.setArray(6, array(connection, "text", problems, problem -> clip(problem.value())));
            insert.setArray(7, array(connection, "text", problems, problem -> clip(problem.reason())));
            insert.executeUpdate();
        }
    }

    private static java.sql.Array array(Connection connection, String type, List<RowProblem> problems,
            Function<RowProblem, Object> value) throws SQLException {
        return connection.createArrayOf(type, problems.stream().map(value).toArray());
    }

    /** Cells and reasons are kept up to 1,000 characters; the file itself keeps the whole value. */
    private static String clip(String text) {
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }
}
