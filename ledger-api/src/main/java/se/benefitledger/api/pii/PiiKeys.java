package se.benefitledger.api.pii;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/** The vault's two keys: one wraps data keys, one keys the blind index. */
record PiiKeys(SecretKey masterKey, SecretKey indexKey) {

    static PiiKeys fromBase64(String masterKey, String indexKey) {
        return new PiiKeys(aesKey(masterKey, "ledger.pii.master-key"), new SecretKeySpec(decode(indexKey, "ledger.pii.index-key"), "HmacSHA256"));
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
