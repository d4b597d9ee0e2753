package se.benefitledger.api.payout;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk commands (here settlement parts) load, decide and write their views side by side, and take turns only from
 * their events' insert to their commit (docs/bulk-commands.md): a part held up in its views holds no other part back,
 * unless that part acts on the same batch, which then waits for it and loads the batch as it left it. A part is held up
 * by another transaction holding one of its payments' view rows.
 */
@LedgerApiTest
class BulkCommandsSideBySideTest {

    private static final Duration HOLD = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aSettlementHeldUpBeforeItsInsertHoldsNoSettlementOfAnotherMunicipalityBack() throws Exception {
        var ledger = new Ledger(port);
        var held = dueBatch(ledger);
        var other = dueBatch(ledger);
        var holding = holdRowOf(held.rent());
        var heldSettlement = CompletableFuture.supplyAsync(() -> ledger.settle(held.batch(), "2021-02-25", held.rent(), "EXECUTED",
                held.norm(), "EXECUTED"), threads);
        assertThat(lockWaiters(1)).as("the held settlement waits for the payment's row").isTrue();

        var otherSettlement = ledger.settle(other.batch(), "2021-02-25", other.rent(), "EXECUTED", other.norm(), "EXECUTED");
        boolean answeredWhileHeld = !heldSettlement.isDone() && !holding.isDone();
        release.countDown();

        assertThat(otherSettlement.status()).as(otherSettlement.toString()).isEqualTo(200);
        assertThat(answeredWhileHeld).as("answered while the other municipality's part was held up in its views").isTrue();
        var settled = heldSettlement.get(HOLD.toSeconds(), TimeUnit.SECONDS);
        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        assertThat(executionIndex(other.rent())).as("inserted first, committed first").isLessThan(executionIndex(held.rent()));
    }

    /**
     * Two settlements of one batch: the second's part waits for the first's in PostgreSQL, on the batch's row, before
     * it loads the batch, so that a part on another node waits just as well (Axon's lock on an aggregate is one
     * process's), and then loads the batch as the first left it, instead of failing on the sequence number the first took.
     */
    @Test
    void twoSettlementsOfOneBatchTakeTurnsOnItsRowAndBothTakeEffect() throws Exception {
        var ledger = new Ledger(port);
        var due = dueBatch(ledger);
        holdRowOf(due.rent());
        var first = CompletableFuture.supplyAsync(() -> ledger.settle(due.batch(), "2021-02-25", due.rent(), "EXECUTED"), threads);
        assertThat(lockWaiters(1)).as("the first settlement waits for the payment's row").isTrue();
        var second = CompletableFuture.supplyAsync(() -> ledger.settle(due.batch(), "2021-02-25", due.norm(), "REJECTED"), threads);

        boolean secondWaitedForTheBatchRow = lockWaiters(2) && waitingFor("FROM payout_batch WHERE batch_id = $1 FOR UPDATE") == 1;
        release.countDown();

        assertThat(secondWaitedForTheBatchRow).as("the second settlement waited in PostgreSQL for the batch's row").isTrue();
        assertThat(first.get(HOLD.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        var last = second.get(HOLD.toSeconds(), TimeUnit.SECONDS);
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.<String>json("$.status")).isEqualTo("SETTLED");
        assertThat(events(due.rent(), "PaymentExecutedEvent")).isOne();
        assertThat(events(due.norm(), "PaymentRejectedEvent")).isOne();
    }

    /** Two SCHEDULED payments of a household of a municipality of its own, in a batch for 2021-02-25. */
    private record DueBatch(String batch, String rent, String norm) {
    }

    private DueBatch dueBatch(Ledger ledger) {
        String municipality = Municipalities.fresh();
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "3000.00");
        String rent = ledger.payment(decision, "1000.00", "2021-02-25");
        String norm = ledger.payment(decision, "2000.00", "2021-02-25");
        return new DueBatch(ledger.batch(municipality, "2021-02-25").json("$.batchId"), rent, norm);
    }

    /** Another transaction locks the payment's view row until released (at most {@link #HOLD}), then commits nothing. */
    private CompletableFuture<Void> holdRowOf(String payment) throws InterruptedException {
        var locked = new CountDownLatch(1);
        var holding = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("SELECT payment_id FROM payment WHERE payment_id = ? FOR UPDATE").param(UUID.fromString(payment)).query(UUID.class).single();
            locked.countDown();
            try {
                release.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status.setRollbackOnly();
        }), threads);
        assertThat(locked.await(HOLD.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return holding;
    }

    /** Waits, for at most half of {@link #HOLD}, until that many of this database's sessions wait for a lock; answers whether they do. */
    private boolean lockWaiters(int sessions) throws InterruptedException {
        var deadline = Instant.now().plus(HOLD.dividedBy(2));
        while (waiting() < sessions) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private long waiting() {
        return waitingFor("");
    }

    /** How many of this database's sessions wait for a lock in a statement that contains {@code statement}. */
    private long waitingFor(String statement) {
        return jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock' AND strpos(query, ?) > 0""")
                   .param(statement).query(Long.class).single();
    }

    private long executionIndex(String payment) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentExecutedEvent'")
                   .param(payment).query(Long.class).single();
    }

    private long events(String payment, String type) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?")
                   .params(payment, "%" + type).query(Long.class).single();
    }
}
