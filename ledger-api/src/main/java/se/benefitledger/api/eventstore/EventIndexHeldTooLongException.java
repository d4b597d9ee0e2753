package se.benefitledger.api.eventstore;

import java.time.Duration;

/** A transaction held event store indexes longer than the projections wait for them, and was rolled back ({@link EventIndexHold}). */
public class EventIndexHeldTooLongException extends RuntimeException {

    EventIndexHeldTooLongException(Duration held, Duration limit) {
        super("Rolled back: the transaction held event store indexes for %.1f s, longer than ledger.event-store.max-index-hold (%.1f s); "
                .formatted(held.toMillis() / 1000.0, limit.toMillis() / 1000.0)
                + "projections stop waiting for an uncommitted index after " + EventStoreConfiguration.GAP_TIMEOUT.toSeconds()
                + " s and would never handle its events");
    }
}
