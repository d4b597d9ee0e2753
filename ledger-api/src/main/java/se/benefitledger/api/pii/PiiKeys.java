package se.benefitledger.api.pii;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The vault's keys: the master key wraps data keys, the index key keys the blind index. While a master key is
 * being rotated, the keys it replaces still unwrap what is not yet re-wrapped.
 */
record PiiKeys(SecretKey masterKey, SecretKey indexKey, List<SecretKey> previousMasterKeys) {

    PiiKeys(SecretKey masterKey, SecretKey indexKey) {
        this(masterKey, indexKey, List.of());
    }

    static PiiKeys fromBase64(String masterKey, String indexKey) {
        return fromBase64(masterKey, indexKey, List.of());
    }

    static PiiKeys fromBase64(String masterKey, String indexKey, List<String> previousMasterKeys) {
        return new PiiKeys(aesKey(masterKey, "ledger.pii.master-key"), new SecretKeySpec(decode(indexKey, "ledger.pii.index-key"), "HmacSHA256"),
                previousMasterKeys.stream().map(key -> aesKey(key, "ledger.pii.previous-master-keys")).toList());
    }

    private static SecretKey aesKey(String base64, String property) {
        return new SecretKeySpec(decode(base64, property), "AES");
    }

    private static byte[] decode(String base64, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (256 bits), base64-encoded");
        }
        return key;
    }
}
