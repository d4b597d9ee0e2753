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
 * @param appendGateWait how long an ordinary insert of events waits for a bulk transaction on this node that holds
 *                       a block of indexes open (default 500 ms; 0 = no waiting), see {@link AppendGate}
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(Duration maxIndexHold, Duration appendGateWait) {

    public EventStoreProperties {
        maxIndexHold = maxIndexHold == null ? Duration.ofSeconds(45) : maxIndexHold;
        appendGateWait = appendGateWait == null ? Duration.ofMillis(500) : appendGateWait;
        if (appendGateWait.isNegative()) {
            throw new IllegalArgumentException("ledger.event-store.append-gate-wait must not be negative, was " + appendGateWait);
        }
        if (maxIndexHold.isNegative() || maxIndexHold.isZero() || maxIndexHold.compareTo(EventStoreConfiguration.GAP_TIMEOUT) >= 0) {
            throw new IllegalArgumentException("ledger.event-store.max-index-hold must be above 0 and below the projections' gap timeout ("
                    + EventStoreConfiguration.GAP_TIMEOUT.toSeconds() + " s), was " + maxIndexHold);
        }
    }
}
