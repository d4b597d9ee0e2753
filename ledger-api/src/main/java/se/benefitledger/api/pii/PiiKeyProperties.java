package se.benefitledger.api.pii;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * Keys of the PII vault, base64-encoded 256-bit values. With an external database both must be
 * configured (from a secret store, never from this repository); the embedded default run generates
 * development keys once and keeps them in {@code devKeyFile}.
 *
 * @param masterKey  wraps each subject's data key (AES-GCM)
 * @param indexKey   keys the HMAC-SHA256 blind index used to find a person by personnummer
 * @param devKeyFile where the embedded default run keeps its generated development keys
 * @param previousMasterKeys master keys being replaced: they still unwrap data keys until a key rotation
 *                   ({@code POST /api/v1/admin/pii-keys/rotation}) has re-wrapped every one under {@code masterKey}
 */
@ConfigurationProperties("ledger.pii")
public record PiiKeyProperties(String masterKey, String indexKey, Path devKeyFile, List<String> previousMasterKeys) {

    public PiiKeyProperties {
        previousMasterKeys = previousMasterKeys == null ? List.of() : List.copyOf(previousMasterKeys);
    }
}
