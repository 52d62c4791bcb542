package com.crossdock.portal.warehouse.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SftpEndpointTest {

    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
            + "-----END OPENSSH PRIVATE KEY-----";

    @Test
    void toStringNeverShowsThePasswordOrTheKey() {
        SftpEndpoint endpoint = new SftpEndpoint("sftp.example.com", 22, "acme", "hunter2", KEY, null,
                SftpEndpoint.DEFAULT_CONNECT_TIMEOUT, SftpEndpoint.DEFAULT_AUTH_TIMEOUT,
                SftpEndpoint.DEFAULT_IO_TIMEOUT);

        assertThat(endpoint.toString()).contains("acme@sftp.example.com:22")
                .doesNotContain("hunter2").doesNotContain("b3BlbnNzaC1rZXktdjEAAAAA").doesNotContain("BEGIN");
    }

    @Test
    void takesTheFingerprintOutOfAWholeSshKeygenLine() {
        SftpEndpoint endpoint = SftpEndpoint.withPassword("h", 22, "u", "p")
                .pinnedTo("256 SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s root@wms (ED25519)");

        assertThat(endpoint.hostKey()).isEqualTo("SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        assertThat(endpoint.pinnedTo("  ").hostKey()).isNull();
    }

    @Test
    void refusesAFingerprintThatIsNotSha256() {
        assertThatThrownBy(() -> SftpEndpoint.withPassword("h", 22, "u", "p")
                .pinnedTo("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA256:");
    }

    @Test
    void needsAPasswordOrAKey() {
        assertThatThrownBy(() -> new SftpEndpoint("h", 22, "u", " ", null, null,
                SftpEndpoint.DEFAULT_CONNECT_TIMEOUT, SftpEndpoint.DEFAULT_AUTH_TIMEOUT,
                SftpEndpoint.DEFAULT_IO_TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password or a private key");
    }

    @Test
    void suffixesGoBeforeTheExtension() {
        assertThat(SftpSession.suffixed("945.edi", 2)).isEqualTo("945-2.edi");
        assertThat(SftpSession.suffixed("README", 1)).isEqualTo("README-1");
        assertThat(SftpSession.suffixed(".profile", 1)).isEqualTo(".profile-1");
    }
}
