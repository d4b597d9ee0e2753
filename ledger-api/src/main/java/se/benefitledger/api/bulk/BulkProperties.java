package se.benefitledger.api.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.bulk.*}: how other writes share a node with bulk work.
 *
 * @param writesBesideBulk   write requests served at a time on this node while bulk work runs on it (default 1;
 *                           0 = no limit): caseworkers keep working, and the batch is not left a ninth of the CPU
 * @param besideBulkWait     how long a write waits for its turn before it is answered 503 with Retry-After (default 10 s)
 */
@ConfigurationProperties("ledger.bulk")
public record BulkProperties(Integer writesBesideBulk, Duration besideBulkWait) {

    public BulkProperties {
        writesBesideBulk = writesBesideBulk == null ? 1 : writesBesideBulk;
        besideBulkWait = besideBulkWait == null ? Duration.ofSeconds(10) : besideBulkWait;
        if (writesBesideBulk < 0) {
            throw new IllegalArgumentException("ledger.bulk.writes-beside-bulk must be 0 (no limit) or more, not " + writesBesideBulk);
        }
    }
}
