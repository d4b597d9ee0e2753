package se.benefitledger.api.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param retention     how long a key is kept (the contract promises at least 24 hours)
 * @param inFlightWait  how long a retry waits for the first request with its key to finish before
 *                      answering 409; concurrent retries thereby all receive the one response
 * @param cleanupInterval how often expired keys are deleted
 */
@ConfigurationProperties("ledger.idempotency")
public record IdempotencyProperties(Duration retention, Duration inFlightWait, Duration cleanupInterval) {

    public IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        inFlightWait = inFlightWait == null ? Duration.ofSeconds(5) : inFlightWait;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
    }
}
