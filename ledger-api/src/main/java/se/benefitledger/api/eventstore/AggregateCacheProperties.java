package se.benefitledger.api.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.aggregate-cache.*}: committed aggregates kept in memory between commands (see
 * {@link CommitCheckingRepository}).
 *
 * @param maxSize         aggregates kept per aggregate type, the least recently used leaving first (default 10,000;
 *                        0 turns the cache off: every command loads its aggregates from their snapshots and events); the
 *                        heap may reclaim any of them under pressure
 * @param paymentMaxSize  payments kept (default 110,000, 0 when {@code maxSize} is 0): a payout batch takes up to
 *                        100,000 of them, and its settlement then finds them cached instead of reading and replaying
 *                        their events again
 */
@ConfigurationProperties("ledger.aggregate-cache")
public record AggregateCacheProperties(Long maxSize, Long paymentMaxSize) {

    public AggregateCacheProperties {
        maxSize = maxSize == null ? 10_000 : maxSize;
        paymentMaxSize = paymentMaxSize != null ? paymentMaxSize : maxSize == 0 ? 0 : 110_000;
    }
}
