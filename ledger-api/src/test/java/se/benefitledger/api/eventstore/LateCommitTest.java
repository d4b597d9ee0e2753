package se.benefitledger.api.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.ServiceProcesses;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event's global index is taken when it is inserted, not when its transaction commits. A projection that reads past
 * an open transaction's index keeps it as a gap in its token; if the token forgets the gap before the transaction
 * commits, that event is never handled, by any projection, without a word. Axon forgets a gap once 10,000 later
 * indexes have been read (its default {@code maxGapOffset}): a few seconds of payday, when a settlement commits
 * thousands of events a second beside a caseworker's command.
 */
@LedgerApiTest
class LateCommitTest {

    private static final MunicipalityCode MUNICIPALITY = MunicipalityCode.of("0488");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    EventStorageEngine storage;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProjectionHandlesAnEventCommittedAfterTwelveThousandLaterEvents() throws Exception {
        UUID late = UUID.randomUUID();
        var inserted = new CountDownLatch(1);
        var commit = new CompletableFuture<Void>();
        var lateTransaction = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            storage.appendEvents(registered(late));
            inserted.countDown();
            commit.join();
        }));
        try {
            assertThat(inserted.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(
                    IntStream.range(0, 12_000).mapToObj(i -> GenericEventMessage.asEventMessage(new IndexFillerEvent(UUID.randomUUID()))).toList()));
            UUID after = UUID.randomUUID();
            new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(registered(after)));
            awaitInHistory(after);
        } finally {
            // never leave the other tests of this context an open transaction holding an index
            commit.complete(null);
        }
        lateTransaction.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        awaitInHistory(late);
    }

    private static GenericDomainEventMessage<HouseholdRegisteredEvent> registered(UUID household) {
        return new GenericDomainEventMessage<>("Household", household.toString(), 0L, new HouseholdRegisteredEvent(household, MUNICIPALITY, List.of()));
    }

    /** The household-history projection (a pooled streaming processor) has handled the household's registration. */
    private void awaitInHistory(UUID household) throws InterruptedException {
        ServiceProcesses.await("household-history handled the registration of " + household, TIMEOUT, () -> jdbc.sql(
                "SELECT count(*) FROM history_aggregate WHERE aggregate_id = ?").param(household.toString()).query(Long.class).single() > 0);
    }

    /** Handled by no projection: only its index counts. */
    record IndexFillerEvent(UUID id) {
    }
}
