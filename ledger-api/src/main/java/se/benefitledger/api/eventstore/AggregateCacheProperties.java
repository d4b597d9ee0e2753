package se.benefitledger.api.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.aggregate-cache.*}: committed aggregates kept in memory between commands (see
 * {@link CommitCheckingRepository}), held by weak references so that the heap decides how many.
 *
 * @param enabled default true; false loads every aggregate from its snapshot and events each time
 */
@ConfigurationProperties("ledger.aggregate-cache")
public record AggregateCacheProperties(Boolean enabled) {

    public AggregateCacheProperties {
        enabled = enabled == null || enabled;
    }
}
