package se.benefitledger.api.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ledger.snapshots.*}: aggregate snapshots, so that a command on an aggregate with a long
 * history (a decision with thousands of payments) loads its latest snapshot and the events after it.
 *
 * @param threshold events loaded or applied in one command, beyond the latest snapshot, after which the
 *                  command takes a new snapshot once committed (default 50; 0 turns snapshots off)
 */
@ConfigurationProperties("ledger.snapshots")
public record SnapshotProperties(Integer threshold) {

    public SnapshotProperties {
        threshold = threshold == null ? 50 : threshold;
    }
}
