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
import java.util.Optional;
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

    /** Under the master key, or under a previous one while a rotation has not yet re-wrapped this key. */
    SecretKey unwrap(byte[] wrappedKey, UUID subjectId) {
        return rewrapped(wrappedKey, subjectId).map(Rewrapped::dataKey).orElseGet(
                () -> new SecretKeySpec(decrypt(keys.masterKey(), wrappedKey, subjectId), "AES"));
    }

    /** The data key wrapped under the master key, when it is still wrapped under a previous one; empty when it needs nothing. */
    Optional<byte[]> rewrap(byte[] wrappedKey, UUID subjectId) {
        return rewrapped(wrappedKey, subjectId).map(Rewrapped::wrappedUnderMaster);
    }

    private record Rewrapped(SecretKey dataKey, byte[] wrappedUnderMaster) {
    }

    private Optional<Rewrapped> rewrapped(byte[] wrappedKey, UUID subjectId) {
        if (keys.previousMasterKeys().isEmpty() || opens(keys.masterKey(), wrappedKey, subjectId)) {
            return Optional.empty();
        }
        for (SecretKey previous : keys.previousMasterKeys()) {
            if (opens(previous, wrappedKey, subjectId)) {
                var dataKey = new SecretKeySpec(decrypt(previous, wrappedKey, subjectId), "AES");
                return Optional.of(new Rewrapped(dataKey, wrap(dataKey, subjectId)));
            }
        }
        throw new IllegalStateException("the data key of subject " + subjectId + " opens under none of the configured master keys");
    }

    private boolean opens(SecretKey key, byte[] wrappedKey, UUID subjectId) {
        try {
            decrypt(key, wrappedKey, subjectId);
            return true;
        } catch (IllegalStateException wrongKey) {
            return false;
        }
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
