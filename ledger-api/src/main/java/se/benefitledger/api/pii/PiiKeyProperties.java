package se.benefitledger.api.pii;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Keys of the PII vault, base64-encoded 256-bit values. With an external database both must be
 * configured (from a secret store, never from this repository); the embedded default run generates
 * development keys once and keeps them in {@code devKeyFile}.
 *
 * @param masterKey  wraps each subject's data key (AES-GCM)
 * @param indexKey   keys the HMAC-SHA256 blind index used to find a person by personnummer
 * @param devKeyFile where the embedded default run keeps its generated development keys
 */
@ConfigurationProperties("ledger.pii")
public record PiiKeyProperties(String masterKey, String indexKey, Path devKeyFile) {
}
