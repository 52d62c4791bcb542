package com.crossdock.portal.channel;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys that encrypt channel credentials at rest.
 *
 * @param key     the current key, 32 bytes in Base64 (AES-256); new and re-saved credentials use it. Empty: a key
 *                file under {@code crossdock.home} is created on first use (embedded default only)
 * @param oldKeys earlier keys, still accepted for reading while credentials are re-encrypted (key rotation)
 */
@ConfigurationProperties("crossdock.credentials")
public record CredentialProperties(@DefaultValue("") String key, @DefaultValue List<String> oldKeys) {
}
