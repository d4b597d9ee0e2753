package se.benefitledger.api.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;

/**
 * Rolls back a transaction that has held global indexes of the event store for longer than the projections wait
 * for them. An index is taken when its event is inserted, not when the transaction commits; a projection that reads
 * past it keeps it as a gap only until the events after it are {@link EventStoreConfiguration#GAP_TIMEOUT} old. A
 * transaction that commits later than that (held up by a lock, a collection, a stalled client) would store events
 * that every projection has already skipped, silently and for good. Rolled back instead, the command fails loudly
 * ({@link EventIndexHeldTooLongException}, 503) and may be retried with its Idempotency-Key.
 * <p>
 * Registered with the Spring transaction at its first append ({@link #begin}); every append of this service runs in
 * one (Axon's {@code SpringTransactionManager}).
 */
final class EventIndexHold implements TransactionSynchronization {

    private static final Logger log = LoggerFactory.getLogger(EventIndexHold.class);

    private final Duration limit;
    private final long firstInsert = System.nanoTime();

    private EventIndexHold(Duration limit) {
        this.limit = limit;
    }

    /** The current transaction is about to insert events: from now on it holds indexes (the first call counts). */
    static void begin(Duration limit) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(EventIndexHold.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new EventIndexHold(limit));
        }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        var held = Duration.ofNanos(System.nanoTime() - firstInsert);
        if (held.compareTo(limit) > 0) {
            var failure = new EventIndexHeldTooLongException(held, limit);
            log.error(failure.getMessage());
            throw failure;
        }
    }
}
