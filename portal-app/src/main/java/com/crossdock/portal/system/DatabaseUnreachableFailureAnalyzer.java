package com.crossdock.portal.system;

import com.crossdock.portal.database.EmbeddedDatabaseException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * A database that cannot be reached, or an embedded one that cannot start, in one short message with the URL
 * that was tried, instead of a wall of stack traces.
 */
class DatabaseUnreachableFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        EmbeddedDatabaseException embedded = find(failure, EmbeddedDatabaseException.class);
        if (embedded != null) {
            return new FailureAnalysis(embedded.getMessage(),
                    "Check the folder named above, or use an external PostgreSQL with CROSSDOCK_DB_URL.", embedded);
        }
        Throwable unreachable = connectionFailure(failure);
        if (unreachable == null) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(no URL configured)");
        return new FailureAnalysis(
                "Crossdock could not connect to its database at " + url + ": " + unreachable.getMessage(),
                "Check that PostgreSQL is running and reachable at that address, and that CROSSDOCK_DB_URL, "
                        + "CROSSDOCK_DB_USER and CROSSDOCK_DB_PASSWORD are right. Unset CROSSDOCK_DB_URL to use "
                        + "the embedded database instead.",
                unreachable);
    }

    private static @Nullable Throwable connectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return t;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || "28P01".equals(sql.getSQLState())
                    || "3D000".equals(sql.getSQLState()))) {
                return t;
            }
        }
        return null;
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
