package se.benefitledger.api.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate alone: a bulk transaction closes it until the transaction completes; an ordinary insert waits for that,
 * but never longer than the gate's wait.
 */
class AppendGateTest {

    private final AtomicLong completedAt = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch complete = new CountDownLatch(1);
    private final ExecutorService bulk = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        complete.countDown();
        bulk.shutdownNow();
    }

    @Test
    void anOrdinaryInsertWaitsUntilTheBulkTransactionHasCompleted() throws Exception {
        var gate = new AppendGate(Duration.ofSeconds(10));
        var transaction = bulkTransaction(gate);
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();

        var arriving = new CountDownLatch(1);
        var inserted = CompletableFuture.supplyAsync(() -> {
            var at = new AtomicLong();
            arriving.countDown();
            gate.pass(() -> at.set(System.nanoTime()));
            return at.get();
        });
        assertThat(arriving.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(inserted).as("inserted while the bulk transaction held its indexes").isNotDone();
        complete.countDown();

        assertThat(inserted.get(5, TimeUnit.SECONDS)).isGreaterThan(completedAt.get());
        transaction.get(5, TimeUnit.SECONDS);
        assertThat(gate.timeouts()).isZero();
        assertThat(gate.passes()).as("the bulk transaction's and the ordinary insert").isEqualTo(2);
        // held 300 ms after it arrived; the wait counts from the gate's lock on, a moment later on a busy machine
        assertThat(Duration.ofNanos(gate.waitedNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void anOrdinaryInsertGoesAheadOnceItHasWaitedItsTime() throws Exception {
        var gate = new AppendGate(Duration.ofMillis(200));
        bulkTransaction(gate);
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();

        gate.pass(() -> { });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
        assertThat(gate.timeouts()).isOne();
        assertThat(Duration.ofNanos(gate.waitedNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void theGateIsOpenAgainOnceTheBulkTransactionHasCompleted() throws Exception {
        var gate = new AppendGate(Duration.ofSeconds(10));
        var transaction = bulkTransaction(gate);
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        complete.countDown();
        transaction.get(5, TimeUnit.SECONDS);
        long start = System.nanoTime();

        gate.pass(() -> { });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(gate.timeouts()).isZero();
    }

    @Test
    void closesNothingOutsideATransaction() {
        var gate = new AppendGate(Duration.ofSeconds(10));

        gate.closeUntilCompletion();

        assertThat(CompletableFuture.runAsync(() -> gate.pass(() -> { }))).succeedsWithin(Duration.ofSeconds(1));
        assertThat(gate.timeouts()).isZero();
    }

    /** On a thread of its own, as a bulk part runs: closes the gate, waits for {@link #complete}, then completes. */
    private CompletableFuture<Void> bulkTransaction(AppendGate gate) {
        return CompletableFuture.runAsync(() -> {
            TransactionSynchronizationManager.initSynchronization();
            try {
                gate.closeUntilCompletion();
                closed.countDown();
                complete.await();
                completedAt.set(System.nanoTime());
                TransactionSynchronizationManager.getSynchronizations()
                                                 .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                TransactionSynchronizationManager.clearSynchronization();
            }
        }, bulk);
    }
}
