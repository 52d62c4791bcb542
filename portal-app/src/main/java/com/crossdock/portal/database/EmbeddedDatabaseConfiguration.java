package com.crossdock.portal.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The default database: when neither {@code CROSSDOCK_DB_URL} nor {@code spring.datasource.url} is set, the
 * portal runs its own PostgreSQL, creates the owner and application roles and the {@code crossdock} database,
 * runs the migrations as the owner and points the connection pool at the application role. With an external URL
 * this configuration stays out of the way and nothing is started.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.resolvedDataDirectory(),
                properties.binariesDirectory(), properties.port(), properties.orphanStopGrace());
        try (Connection superuser = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            DatabaseLayout.EMBEDDED.createIfMissing(superuser);
        } catch (SQLException e) {
            server.close();
            throw new EmbeddedDatabaseException("Could not create the Crossdock database and roles in the embedded "
                    + "PostgreSQL (" + server.dataDirectory() + "): " + e.getMessage(), e);
        }
        return server;
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("crossdock-embedded");
        dataSource.setJdbcUrl(DatabaseLayout.EMBEDDED.jdbcUrl(server.port()));
        dataSource.setUsername(DatabaseLayout.EMBEDDED.appRole());
        dataSource.setMaximumPoolSize(12);
        return dataSource;
    }

    /** Migrations run as the owner of the tables; the application never does. */
    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(EmbeddedPostgresServer server) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(),
                DatabaseLayout.EMBEDDED.jdbcUrl(server.port()), DatabaseLayout.EMBEDDED.ownerRole(), "");
    }
}
