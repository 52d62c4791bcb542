package com.crossdock.portal.warehouse.sftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.warehouse.sandbox.WmsSimulator;
import com.crossdock.portal.warehouse.sftp.SftpException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link SandboxSftpServer}, reached with the real {@link SftpTransport}. */
class SftpSandboxServerTest {

    private static SftpTransport transport;

    @TempDir
    Path root;

    private SandboxSftpServer server;

    @BeforeAll
    static void startClient() {
        transport = new SftpTransport();
    }

    @AfterAll
    static void stopClient() {
        transport.close();
    }

    @BeforeEach
    void createServer() {
        server = new SandboxSftpServer(new WmsSandboxProperties(root, 0,
                WmsSimulator.Receiving.RECEIVE_ALL));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void anAccountGetsItsFoldersAndSignsInWithItsPassword() throws Exception {
        SandboxSftpAccount account = server.account("acme", "pw-acme");

        assertThat(account.root()).isEqualTo(root.resolve("acme")).isEqualTo(server.rootOf("acme"));
        assertThat(account.port()).isPositive().isEqualTo(server.port());
        for (String folder : List.of("to-wms", "from-wms", "archive")) {
            assertThat(account.root().resolve(folder)).isDirectory();
        }
        Files.writeString(account.root().resolve("from-wms/945-1.edi"), "shipped");

        try (SftpSession session = transport.open(account.endpoint("pw-acme"))) {
            assertThat(session.serverKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
            assertThat(session.list("/from-wms")).extracting(RemoteFile::name).containsExactly("945-1.edi");
            session.uploadAtomically("to-wms", "940-1.edi", "order".getBytes(UTF_8));
            session.moveTo("from-wms", "945-1.edi", "archive");
        }
        assertThat(account.root().resolve("to-wms/940-1.edi")).hasContent("order");
        assertThat(account.root().resolve("archive/945-1.edi")).hasContent("shipped");
    }

    @Test
    void aWrongPasswordIsRefused() {
        SandboxSftpAccount account = server.account("acme", "pw-acme");

        assertThatThrownBy(() -> transport.open(account.endpoint("pw-other")))
                .isInstanceOfSatisfying(SftpException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION_REFUSED));
    }

    @Test
    void oneAccountsPasswordDoesNotSignInAnother() {
        server.account("acme", "pw-acme");
        SandboxSftpAccount globex = server.account("globex", "pw-globex");

        assertThatThrownBy(() -> transport.open(globex.endpoint("pw-acme")))
                .isInstanceOfSatisfying(SftpException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION_REFUSED));
    }

    @Test
    void anAccountCannotSeeReadOrWriteAnothersFilesNotEvenWithDotDot() throws Exception {
        SandboxSftpAccount acme = server.account("acme", "pw-acme");
        SandboxSftpAccount globex = server.account("globex", "pw-globex");
        Files.writeString(globex.root().resolve("from-wms/945-9.edi"), "globex's");
        Files.writeString(globex.root().resolve("secret.txt"), "globex's");

        try (SftpSession session = transport.open(acme.endpoint("pw-acme"))) {
            for (String dir : List.of("../globex/from-wms", "/../globex/from-wms", "/globex/from-wms",
                    "from-wms/../../globex/from-wms", root.resolve("globex/from-wms").toString())) {
                assertThatThrownBy(() -> session.list(dir)).as(dir)
                        .isInstanceOfSatisfying(SftpException.class,
                                e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
                assertThatThrownBy(() -> session.read(dir, "945-9.edi")).as(dir)
                        .isInstanceOf(SftpException.class);
                assertThatThrownBy(() -> session.uploadAtomically(dir, "945-9.edi", "acme's".getBytes(UTF_8)))
                        .as(dir).isInstanceOf(SftpException.class);
            }
            assertThatThrownBy(() -> session.read("..", "secret.txt")).isInstanceOf(SftpException.class);
            // ".." at the top of a jail is the jail itself: acme's own root, never the accounts' folder
            assertThat(session.list("..")).isEmpty();
            session.uploadAtomically("..", "escape.txt", "acme's".getBytes(UTF_8));
        }

        assertThat(globex.root().resolve("from-wms/945-9.edi")).hasContent("globex's");
        assertThat(globex.root().resolve("from-wms")).isDirectoryContaining(path -> true);
        try (var files = Files.list(globex.root().resolve("from-wms"))) {
            assertThat(files).containsExactly(globex.root().resolve("from-wms/945-9.edi"));
        }
        assertThat(root.resolve("escape.txt")).doesNotExist();
        assertThat(acme.root().resolve("escape.txt")).hasContent("acme's");
    }

    @Test
    void theHostKeyIsMadeOnceAndKeptAcrossRestarts() {
        String first = server.hostKeyFingerprint();
        server.close();

        SandboxSftpServer restarted = new SandboxSftpServer(new WmsSandboxProperties(root, 0,
                WmsSimulator.Receiving.RECEIVE_ALL));
        try {
            assertThat(restarted.hostKeyFingerprint()).isEqualTo(first).startsWith("SHA256:");
            SandboxSftpAccount account = restarted.account("acme", "pw-acme");
            try (SftpSession session = transport.open(account.endpoint("pw-acme").pinnedTo(first))) {
                assertThat(session.list("to-wms")).isEmpty();
            }
        } finally {
            restarted.close();
        }
    }

    @Test
    void startsOnlyWhenFirstUsedAndListensOnLoopback() throws Exception {
        assertThat(root.resolve(".host-key.pem")).doesNotExist();

        server.account("acme", "pw-acme");

        assertThat(root.resolve(".host-key.pem")).exists();
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void itsSettingsBindFromProperties() {
        var source = new MapConfigurationPropertySource(Map.of("crossdock.wms-sandbox.root", root.toString()));

        WmsSandboxProperties properties = new Binder(source)
                .bind("crossdock.wms-sandbox", WmsSandboxProperties.class).get();

        assertThat(properties).isEqualTo(new WmsSandboxProperties(root, 0, WmsSimulator.Receiving.RECEIVE_ALL));
    }

    @Test
    void usernamesThatAreNoPlainFolderNameAreRefused() {
        for (String username : List.of("..", ".hidden", "a/b", "../acme", "")) {
            assertThatThrownBy(() -> server.account(username, "pw")).as(username)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (String username : List.of("../elsewhere", ".host-key.pem")) {
            assertThatThrownBy(() -> server.rootOf(username)).as(username)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
