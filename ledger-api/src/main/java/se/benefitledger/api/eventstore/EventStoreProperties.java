package se.benefitledger.api.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ledger.event-store.*}.
 *
 * @param maxIndexHold how long a transaction may hold global indexes of the event store (from its first event
 *                     inserted until it commits) before it is rolled back instead (default 45 s); below the time the
 *                     projections wait for an uncommitted index ({@link EventStoreConfiguration#GAP_TIMEOUT}), so that
 *                     no transaction commits events a projection has already given up on
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(Duration maxIndexHold) {

    public EventStoreProperties {
        maxIndexHold = maxIndexHold == null ? Duration.ofSeconds(45) : maxIndexHold;
        if (maxIndexHold.isNegative() || maxIndexHold.isZero() || maxIndexHold.compareTo(EventStoreConfiguration.GAP_TIMEOUT) >= 0) {
            throw new IllegalArgumentException("ledger.event-store.max-index-hold must be above 0 and below the projections' gap timeout ("
                    + EventStoreConfiguration.GAP_TIMEOUT.toSeconds() + " s), was " + maxIndexHold);
        }
    }
}
