package com.crossdock.portal.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts channel credentials with AES-256-GCM. A sealed value is the 8-byte id of its key, a 12-byte random nonce
 * and the ciphertext with its tag. The associated data binds it to its tenant, connection and field, so a value
 * copied into another row does not decrypt. Old keys still decrypt, which is how keys are rotated: configure the
 * new key, move the old one to {@code crossdock.credentials.old-keys}, and values are re-sealed when saved.
 */
@Component
public class CredentialCipher {

    private static final int NONCE_BYTES = 12;
    private static final int KEY_ID_BYTES = 8;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final byte[] currentKeyId;
    private final Map<String, SecretKeySpec> keysById = new LinkedHashMap<>();

    CredentialCipher(CredentialProperties properties, @Value("${crossdock.home}") Path home) {
        byte[] current = properties.key().isBlank() ? keyFile(home.resolve("credentials.key"))
                : decodeKey(properties.key());
        this.currentKeyId = keyId(current);
        keysById.put(HexFormat.of().formatHex(currentKeyId), new SecretKeySpec(current, "AES"));
        for (String old : properties.oldKeys()) {
            if (old.isBlank()) {
                continue;
            }
            byte[] key = decodeKey(old);
            keysById.putIfAbsent(HexFormat.of().formatHex(keyId(key)), new SecretKeySpec(key, "AES"));
        }
    }

    public byte[] seal(String plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keysById.get(HexFormat.of().formatHex(currentKeyId)),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(KEY_ID_BYTES + NONCE_BYTES + sealed.length).put(currentKeyId).put(nonce)
                    .put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a credential", e);
        }
    }

    public String open(byte[] sealed, String context) {
        if (sealed.length < KEY_ID_BYTES + NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored credential is damaged (too short)");
        }
        String keyId = HexFormat.of().formatHex(sealed, 0, KEY_ID_BYTES);
        SecretKeySpec key = keysById.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A stored credential was encrypted with key " + keyId
                    + ", which is not configured; add it to crossdock.credentials.old-keys");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, KEY_ID_BYTES, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed, KEY_ID_BYTES + NONCE_BYTES, sealed.length - KEY_ID_BYTES - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored credential does not decrypt for its record", e);
        }
    }

    /** Whether {@code sealed} was made with an older key and should be sealed again. */
    boolean needsResealing(byte[] sealed) {
        return !MessageDigest.isEqual(java.util.Arrays.copyOf(sealed, KEY_ID_BYTES), currentKeyId);
    }

    private static byte[] decodeKey(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.strip());
        if (key.length != 32) {
            throw new IllegalStateException("A credentials key must be 32 bytes in Base64 (openssl rand -base64 32), "
                    + "not " + key.length + " bytes");
        }
        return key;
    }

    private static byte[] keyId(byte[] key) {
        try {
            return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), KEY_ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The embedded default's key: made once, readable by this user only, kept beside the database. */
    private byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions (Windows) keeps the user's default access
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the credentials key " + file, e);
        }
    }
}
