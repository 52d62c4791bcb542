package com.crossdock.portal.database;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that the portal starts when no external database is configured.
 *
 * @param home            Crossdock's own folder on this machine; the database lives under it unless
 *                        {@code dataDirectory} says otherwise (env {@code CROSSDOCK_HOME})
 * @param dataDirectory   the PostgreSQL data directory, kept between starts; defaults to {@code home/pgdata}
 * @param port            the port PostgreSQL listens on (loopback only); 0 picks a free one at each start
 * @param orphanStopGrace how long to wait for a server left over from an unclean shutdown to stop
 */
@ConfigurationProperties("crossdock.database.embedded")
public record EmbeddedDatabaseProperties(
        Path home,
        @Nullable Path dataDirectory,
        int port,
        Duration orphanStopGrace) {

    public EmbeddedDatabaseProperties {
        if (orphanStopGrace == null) {
            orphanStopGrace = Duration.ofSeconds(30);
        }
    }

    /** The data directory to use. */
    public Path resolvedDataDirectory() {
        return dataDirectory != null ? dataDirectory : home.resolve("pgdata");
    }

    /** Where the PostgreSQL binaries are unpacked. */
    public Path binariesDirectory() {
        return home.resolve("pg-binaries");
    }
}
