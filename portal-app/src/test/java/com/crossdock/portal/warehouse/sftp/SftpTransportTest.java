package com.crossdock.portal.warehouse.sftp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crossdock.portal.warehouse.sftp.SftpException.Problem;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SFTP transport against a real SSHD server on 127.0.0.1 with its files in a temporary folder. */
class SftpTransportTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    private static SftpTransport transport;

    @TempDir
    Path home;

    private TestSftpServer server;

    @BeforeAll
    static void startClient() {
        transport = new SftpTransport();
    }

    @AfterAll
    static void stopClient() {
        transport.close();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new TestSftpServer(home);
        Files.createDirectories(home.resolve("to-wms"));
        Files.createDirectories(home.resolve("from-wms"));
        Files.createDirectories(home.resolve("archive"));
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void signsInWithAPasswordAndReportsTheServerKeyToPin() {
        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThat(session.serverKeyFingerprint()).isEqualTo(server.fingerprint()).startsWith("SHA256:");
            assertThat(session.list("to-wms")).isEmpty();
        }
    }

    @Test
    void signsInWithAnEd25519KeyInOpenSshFormat() throws Exception {
        KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        server.authorizedKeys.add(key.getPublic());
        ByteArrayOutputStream openSsh = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "crossdock",
                (org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext) null, openSsh);
        assertThat(openSsh.toString(UTF_8)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");

        try (SftpSession session = transport.open(keyEndpoint(openSsh.toString(UTF_8)))) {
            assertThat(session.list("to-wms")).isEmpty();
        }
    }

    @Test
    void signsInWithAnRsaKeyInPemFormat() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        server.authorizedKeys.add(key.getPublic());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        try (SftpSession session = transport.open(keyEndpoint(pem))) {
            assertThat(session.list("to-wms")).isEmpty();
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        ByteArrayOutputStream openSsh = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "stranger",
                (org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext) null, openSsh);

        assertThatThrownBy(() -> transport.open(keyEndpoint(openSsh.toString(UTF_8))))
                .isInstanceOfSatisfying(SftpException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION_REFUSED))
                .hasMessageContaining("refused to sign in warehouse with the key");
    }

    @Test
    void keyTextThatIsNoKeySaysHowToFixIt() {
        assertThatThrownBy(() -> transport.open(keyEndpoint("not a key")))
                .isInstanceOfSatisfying(SftpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_KEY))
                .hasMessageContaining("BEGIN and END lines");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageSayingSo() {
        SftpEndpoint wrong = SftpEndpoint.withPassword("127.0.0.1", server.port(), TestSftpServer.USER, "guess");

        assertThatThrownBy(() -> transport.open(wrong))
                .isInstanceOfSatisfying(SftpException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUTHENTICATION_REFUSED))
                .hasMessageContaining("refused to sign in warehouse with the password")
                .hasCauseInstanceOf(org.apache.sshd.common.SshException.class);
    }

    @Test
    void thePinnedHostKeyIsAccepted() {
        try (SftpSession session = transport.open(server.passwordEndpoint().pinnedTo(server.fingerprint()))) {
            assertThat(session.serverKeyFingerprint()).isEqualTo(server.fingerprint());
        }
    }

    @Test
    void anotherHostKeyIsRefusedNamingBothFingerprints() throws Exception {
        String other = KeyUtils.getFingerPrint(KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256)
                .getPublic());

        assertThatThrownBy(() -> transport.open(server.passwordEndpoint().pinnedTo(other)))
                .isInstanceOfSatisfying(SftpException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.HOST_KEY_CHANGED))
                .hasMessageContaining("presented host key " + server.fingerprint())
                .hasMessageContaining("not the pinned " + other)
                .hasCauseInstanceOf(org.apache.sshd.common.SshException.class);
    }

    @Test
    void aHostNobodyListensOnIsReportedUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SftpEndpoint nobody = SftpEndpoint.withPassword("127.0.0.1", closedPort, "warehouse", "secret")
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3));

        assertThatThrownBy(() -> transport.open(nobody))
                .isInstanceOfSatisfying(SftpException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE))
                .hasMessageContaining("Could not reach the SFTP server 127.0.0.1:" + closedPort)
                .hasMessageContaining("refused")
                .hasCauseInstanceOf(Exception.class);
    }

    @Test
    void listsRegularFilesOldestFirstThenByNameLeavingOutDotFilesAndFolders() throws Exception {
        Path folder = home.resolve("from-wms");
        write(folder.resolve("b-945.edi"), "b", T0.plusSeconds(60));
        write(folder.resolve("a-945.edi"), "aa", T0.plusSeconds(60));
        write(folder.resolve("z-997.edi"), "zzz", T0);
        write(folder.resolve(".c-945.edi.part"), "half", T0.minusSeconds(60));
        write(folder.resolve(".hidden"), "x", T0.minusSeconds(60));
        Files.createDirectories(folder.resolve("older-folder"));
        Files.setLastModifiedTime(folder.resolve("older-folder"), FileTime.from(T0.minusSeconds(600)));

        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThat(session.list("from-wms")).containsExactly(
                    new RemoteFile("z-997.edi", 3, T0),
                    new RemoteFile("a-945.edi", 2, T0.plusSeconds(60)),
                    new RemoteFile("b-945.edi", 1, T0.plusSeconds(60)));
        }
    }

    @Test
    void listingAFolderThatDoesNotExistSaysSo() {
        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThatThrownBy(() -> session.list("outbound"))
                    .isInstanceOfSatisfying(SftpException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND))
                    .hasMessageContaining("Could not list folder outbound on 127.0.0.1:" + server.port())
                    .hasMessageContaining("does not exist")
                    .hasCauseInstanceOf(org.apache.sshd.sftp.common.SftpException.class);
        }
    }

    @Test
    void aFolderTheAccountMayNotOpenSaysPermissionDenied() throws Exception {
        Files.createDirectories(home.resolve("locked"));

        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThatThrownBy(() -> session.list("locked"))
                    .isInstanceOfSatisfying(SftpException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.PERMISSION_DENIED))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void readsAFile() throws Exception {
        write(home.resolve("from-wms/945-1.edi"), "ISA*00*...~", T0);

        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThat(new String(session.read("from-wms", "945-1.edi"), UTF_8)).isEqualTo("ISA*00*...~");
            assertThatThrownBy(() -> session.read("from-wms", "945-2.edi"))
                    .isInstanceOfSatisfying(SftpException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        }
    }

    @Test
    void uploadsUnderAHiddenPartNameAndRenamesOnlyTheCompleteFile() throws Exception {
        byte[] content = "ISA*00*940~".repeat(10_000).getBytes(UTF_8);

        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            session.uploadAtomically("to-wms", "940-1.edi", content);
            assertThat(session.list("to-wms")).extracting(RemoteFile::name).containsExactly("940-1.edi");
        }

        assertThat(server.renames).singleElement().satisfies(rename -> {
            assertThat(rename.from()).isEqualTo(".940-1.edi.part");
            assertThat(rename.to()).isEqualTo("940-1.edi");
            assertThat(rename.contentAtRename()).isEqualTo(content);
            assertThat(rename.targetExisted()).isFalse();
        });
        assertThat(Files.readAllBytes(home.resolve("to-wms/940-1.edi"))).isEqualTo(content);
        try (var files = Files.list(home.resolve("to-wms"))) {
            assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("940-1.edi");
        }
    }

    @Test
    void uploadingANameThatExistsFailsAndLeavesTheFileAlone() throws Exception {
        write(home.resolve("to-wms/940-1.edi"), "first", T0);

        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThatThrownBy(() -> session.uploadAtomically("to-wms", "940-1.edi", "second".getBytes(UTF_8)))
                    .isInstanceOfSatisfying(SftpException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.ALREADY_EXISTS))
                    .hasMessageContaining("already there");
        }

        assertThat(Files.readString(home.resolve("to-wms/940-1.edi"))).isEqualTo("first");
        assertThat(server.renames).isEmpty();
    }

    @Test
    void uploadingIntoAFolderThatDoesNotExistSaysSoAndLeavesNoPartFile() {
        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThatThrownBy(() -> session.uploadAtomically("inbound", "940-1.edi", new byte[] {1}))
                    .isInstanceOfSatisfying(SftpException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        }
        assertThat(home.resolve("inbound")).doesNotExist();
    }

    @Test
    void movesToTheArchiveAddingASuffixWhenTheNameIsTaken() throws Exception {
        write(home.resolve("from-wms/945.edi"), "new", T0);
        write(home.resolve("archive/945.edi"), "old", T0);
        write(home.resolve("archive/945-1.edi"), "older", T0);

        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThat(session.moveTo("from-wms", "945.edi", "archive")).isEqualTo("945-2.edi");
            assertThat(session.list("from-wms")).isEmpty();
        }

        assertThat(Files.readString(home.resolve("archive/945.edi"))).isEqualTo("old");
        assertThat(Files.readString(home.resolve("archive/945-1.edi"))).isEqualTo("older");
        assertThat(Files.readString(home.resolve("archive/945-2.edi"))).isEqualTo("new");
    }

    @Test
    void movesToTheArchiveUnderItsOwnNameWhenItIsFree() throws Exception {
        write(home.resolve("from-wms/945.edi"), "new", T0);

        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThat(session.moveTo("from-wms", "945.edi", "archive")).isEqualTo("945.edi");
        }

        assertThat(Files.readString(home.resolve("archive/945.edi"))).isEqualTo("new");
        assertThat(home.resolve("from-wms/945.edi")).doesNotExist();
    }

    @Test
    void movingAFileThatIsGoneSaysSo() {
        try (SftpSession session = transport.open(server.passwordEndpoint())) {
            assertThatThrownBy(() -> session.moveTo("from-wms", "945.edi", "archive"))
                    .isInstanceOfSatisfying(SftpException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        }
    }

    private SftpEndpoint keyEndpoint(String privateKey) {
        return SftpEndpoint.withPrivateKey("127.0.0.1", server.port(), TestSftpServer.USER, privateKey);
    }

    private static void write(Path file, String content, Instant modified) throws Exception {
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}
