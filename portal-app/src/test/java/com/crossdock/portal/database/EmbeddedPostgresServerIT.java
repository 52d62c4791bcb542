package com.crossdock.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data between starts and recovers from an unclean shutdown. */
class EmbeddedPostgresServerIT {

    @TempDir
    Path home;

    @Test
    void keptDataIsWrittenDurably() throws SQLException {
        try (EmbeddedPostgresServer server = start(home.resolve("pgdata"))) {
            assertThat(queryOne(server, "SHOW fsync")).isEqualTo("on");
            assertThat(queryOne(server, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(server, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void dataSurvivesARestart() throws SQLException {
        Path data = home.resolve("pgdata");
        try (EmbeddedPostgresServer first = start(data)) {
            execute(first, "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer second = start(data)) {
            assertThat(queryOne(second, "SELECT v FROM kept")).isEqualTo("still here");
        }
    }

    @Test
    void aServerOrphanedByAKilledJvmIsStoppedAndItsDataStartsAgain() throws Exception {
        Path data = home.resolve("pgdata");
        Process portal = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + home,
                OrphanMaker.class.getName(), data.toString(), home.resolve("binaries").toString())
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(portal.getInputStream()))) {
            String line;
            do {
                line = out.readLine();
                output.append(line).append('\n');
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the first JVM started its PostgreSQL; it said:%n%s", output).isEqualTo("READY");
        }
        long orphanPid = postmasterPid(data).orElseThrow();
        portal.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("orphaned postgres")
                .isEqualTo(Optional.of(true));

        try (EmbeddedPostgresServer next = start(data)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(queryOne(next, "SELECT v FROM kept")).isEqualTo("from the killed run");
        }
    }

    @Test
    void aStalePidFileWhoseProcessIsGoneIsRemoved() throws Exception {
        Path data = home.resolve("pgdata");
        try (EmbeddedPostgresServer first = start(data)) {
            execute(first, "SELECT 1");
        }
        Files.writeString(data.resolve("postmaster.pid"), "999999\n" + data + "\n");

        try (EmbeddedPostgresServer next = start(data)) {
            assertThat(queryOne(next, "SELECT 'up'")).isEqualTo("up");
        }
    }

    private EmbeddedPostgresServer start(Path data) {
        return EmbeddedPostgresServer.start(data, home.resolve("binaries"), 0, Duration.ofSeconds(20));
    }

    private static Optional<Long> postmasterPid(Path data) throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()))
                : Optional.empty();
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryOne(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
