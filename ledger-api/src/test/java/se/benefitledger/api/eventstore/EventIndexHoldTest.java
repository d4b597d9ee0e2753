package se.benefitledger.api.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction may hold event store indexes (from its first insert until its commit) for
 * {@code ledger.event-store.max-index-hold}, here 2 s; one that takes longer is rolled back, because the projections
 * stop waiting for an uncommitted index after a minute and would never handle its events.
 */
@LedgerApiTest
@TestPropertySource(properties = "ledger.event-store.max-index-hold=2s")
class EventIndexHoldTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void commitsEventsWithinTheLimit() {
        UUID household = UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(registered(household)));

        assertThat(stored(household)).isOne();
    }

    @Test
    void rollsBackATransactionThatHeldItsEventIndexesLongerThanTheLimit() {
        UUID household = UUID.randomUUID();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            storage.appendEvents(registered(household));
            sleep(Duration.ofMillis(2_500));
        })).isInstanceOf(EventIndexHeldTooLongException.class).hasMessageContaining("longer than ledger.event-store.max-index-hold (2.0 s)");

        assertThat(stored(household)).isZero();
    }

    /**
     * A caseworker's payment waits, after its events are inserted, for the payment table another transaction has locked
     * (its view row is written after the events, in the same transaction): 503 with Retry-After and nothing stored; the
     * same request retried with its Idempotency-Key then takes effect once. (This context has a database of its own.)
     */
    @Test
    void answersACommandHeldUpPastTheLimit503AndItsRetryTakesEffectOnce() throws Exception {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household(Municipalities.fresh()), "2025-03", "9000.00");
        var locked = new CountDownLatch(1);
        var lock = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("LOCK TABLE payment IN SHARE MODE").update();
            locked.countDown();
            sleep(Duration.ofMillis(3_500));
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        var caseworker = Users.NILS.on(port).header("Idempotency-Key", UUID.randomUUID().toString());

        var heldUp = caseworker.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("4000.00", "2025-02-25"));
        lock.get(10, TimeUnit.SECONDS);
        var retried = caseworker.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("4000.00", "2025-02-25"));

        assertThat(heldUp.status()).as(heldUp.toString()).isEqualTo(503);
        assertThat(heldUp.<String>json("$.type")).endsWith("/commit-too-late");
        assertThat(heldUp.header("Retry-After")).isPresent();
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE decision_id = ?").param(UUID.fromString(decision)).query(Long.class).single())
                .isOne();
    }

    private long stored(UUID household) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(household.toString()).query(Long.class)
                   .single();
    }

    private static List<GenericDomainEventMessage<HouseholdRegisteredEvent>> registered(UUID household) {
        return List.of(new GenericDomainEventMessage<>("Household", household.toString(), 0L,
                new HouseholdRegisteredEvent(household, MunicipalityCode.of("0488"), List.of())));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
