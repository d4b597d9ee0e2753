package se.benefitledger.api.pii;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * AES-256-GCM envelope encryption: every subject has a data key of its own, stored wrapped by the
 * master key. Ciphertexts are {@code iv || ciphertext+tag} and bound to the subject id as
 * associated data, so a ciphertext copied to another row does not decrypt.
 */
final class PiiCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    private final PiiKeys keys;

    PiiCipher(PiiKeys keys) {
        this.keys = keys;
    }

    SecretKey newDataKey() {
        try {
            var generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    byte[] wrap(SecretKey dataKey, UUID subjectId) {
        return encrypt(keys.masterKey(), dataKey.getEncoded(), subjectId);
    }

    SecretKey unwrap(byte[] wrappedKey, UUID subjectId) {
        return new SecretKeySpec(decrypt(keys.masterKey(), wrappedKey, subjectId), "AES");
    }

    byte[] encrypt(SecretKey key, byte[] plaintext, UUID subjectId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(bytes(subjectId));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    byte[] decrypt(SecretKey key, byte[] ivAndCiphertext, UUID subjectId) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(bytes(subjectId));
            return cipher.doFinal(Arrays.copyOfRange(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered data", e);
        }
    }

    byte[] blindIndex(String kind, String normalisedIdentity) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.indexKey());
            return mac.doFinal((kind + ":" + normalisedIdentity).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
