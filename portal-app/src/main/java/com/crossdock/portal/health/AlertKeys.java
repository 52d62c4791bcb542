package com.crossdock.portal.health;

import com.crossdock.portal.channel.CredentialCipher;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each tenant's alert signing key, always inside a tenant transaction someone else opened: kept sealed with the
 * credential cipher (bound to the tenant), replaced whole when rotated, opened only to sign.
 */
@Component
class AlertKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;

    AlertKeys(JdbcClient jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Optional<AlertSigningKey> current() {
        return jdbc.sql("SELECT hint, created_by, created_at FROM alert_webhook_key")
                .query((rs, n) -> new AlertSigningKey(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).optional();
    }

    /** The secret to sign the tenant's alert webhooks with, when it has a key. */
    Optional<String> secret(TenantId tenant) {
        return jdbc.sql("SELECT secret FROM alert_webhook_key").query((rs, n) -> rs.getBytes(1)).optional()
                .map(sealed -> cipher.open(sealed, context(tenant)));
    }

    /** Makes a new key, replacing the old one (which stops signing at once). */
    NewAlertSigningKey rotate(TenantId tenant, String by, Instant now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "alsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hint = secret.substring(0, 10) + "…";
        jdbc.sql("""
                INSERT INTO alert_webhook_key (tenant_id, id, secret, hint, created_by, created_at)
                VALUES (crossdock_current_tenant(), :id, :secret, :hint, :by, :now)
                ON CONFLICT (tenant_id) DO UPDATE SET secret = excluded.secret, hint = excluded.hint,
                    created_by = excluded.created_by, created_at = excluded.created_at""")
                .param("id", UUID.randomUUID()).param("secret", cipher.seal(secret, context(tenant)))
                .param("hint", hint).param("by", by).param("now", Timestamp.from(now)).update();
        return new NewAlertSigningKey(new AlertSigningKey(hint, by, now), secret);
    }

    private static String context(TenantId tenant) {
        return "alert-webhook:" + tenant.value() + ":secret";
    }
}
