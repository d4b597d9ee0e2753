package se.benefitledger.api.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.aggregate-cache.*}: committed aggregates kept in memory between commands (see
 * {@link CommitCheckingRepository}).
 *
 * @param maxSize aggregates kept per aggregate type, the least recently used leaving first (default 10,000;
 *                0 turns the cache off: every command loads its aggregates from their snapshots and events); the
 *                heap may reclaim any of them under pressure
 */
@ConfigurationProperties("ledger.aggregate-cache")
public record AggregateCacheProperties(Long maxSize) {

    public AggregateCacheProperties {
        maxSize = maxSize == null ? 10_000 : maxSize;
    }
}
