package se.benefitledger.api.eventstore;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps this node's other appends from committing ahead of a bulk command's block of indexes. A bulk part inserts
 * a few hundred events, then writes its progress and commits; an ordinary command that inserts its event meanwhile
 * and commits first leaves the part's whole block as gaps in every projection's token, and every
 * processor then compares those gap sets for each event of the block as it arrives (Axon's coordinator checks each
 * event's token for equality with the last one's, which for tokens of the same highest index compares their gap
 * sets, walking them: a tenth of the service's CPU during a payday, BENCHMARKS.md). So a bulk transaction closes the
 * gate when it inserts and opens it when it completes, and an ordinary insert waits while the gate is closed.
 * <p>
 * The gate saves work and never decides correctness: every wait is bounded ({@code ledger.event-store.append-gate-wait}),
 * after which the insert goes ahead as it would without the gate (a bulk transaction held up by a row lock an
 * ordinary command holds while it waits here would otherwise wait for it in turn). Other nodes' appends pass freely.
 */
final class AppendGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Duration wait;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong waitedNanos = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();

    AppendGate(Duration wait) {
        this.wait = wait;
    }

    /**
     * A bulk transaction is about to insert: waits for inserts in progress, then keeps the gate closed until the
     * transaction has committed or rolled back. Outside a Spring transaction there is no completion to wait for, and
     * nothing is closed.
     */
    void closeUntilCompletion() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || lock.isWriteLockedByCurrentThread()) {
            return;
        }
        if (acquire(lock.writeLock())) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    lock.writeLock().unlock();
                }
            });
        }
    }

    /** An ordinary insert: runs when the gate is open, or once the wait is over. */
    void pass(Runnable insert) {
        boolean passed = acquire(lock.readLock());
        try {
            insert.run();
        } finally {
            if (passed) {
                lock.readLock().unlock();
            }
        }
    }

    /** How many inserts came to the gate, ordinary and bulk ones. */
    long passes() {
        return passes.get();
    }

    /** How long those inserts waited at the gate, all together, in nanoseconds. */
    long waitedNanos() {
        return waitedNanos.get();
    }

    /**
     * How many inserts went ahead without the gate after waiting for it in vain: an ordinary one that a bulk transaction
     * kept out longer than the wait, or a bulk one that ordinary inserts in progress kept from closing it.
     */
    long timeouts() {
        return timeouts.get();
    }

    private boolean acquire(Lock side) {
        long started = System.nanoTime();
        try {
            if (side.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waitedNanos.addAndGet(System.nanoTime() - started);
            passes.incrementAndGet();
        }
        timeouts.incrementAndGet();
        return false;
    }
}
