package se.benefitledger.api.pii;

import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Envelope encryption for personal data kept outside the vault for a while (stored idempotent responses): each
 * sealed value has a data key of its own, wrapped by the vault's master key and bound to the value's id, so that key
 * rotation re-wraps it like a vault subject's.
 */
@Component
public class PiiSeal {

    public record Sealed(byte[] wrappedKey, byte[] ciphertext) {
    }

    private final PiiCipher cipher;

    PiiSeal(PiiKeys keys) {
        this.cipher = new PiiCipher(keys);
    }

    public Sealed seal(UUID id, byte[] plaintext) {
        var dataKey = cipher.newDataKey();
        return new Sealed(cipher.wrap(dataKey, id), cipher.encrypt(dataKey, plaintext, id));
    }

    public byte[] open(UUID id, Sealed sealed) {
        return cipher.decrypt(cipher.unwrap(sealed.wrappedKey(), id), sealed.ciphertext(), id);
    }

    /** The data key wrapped under the current master key, when a previous one still wraps it. */
    Optional<byte[]> rewrap(UUID id, byte[] wrappedKey) {
        return cipher.rewrap(wrappedKey, id);
    }
}
