package se.benefitledger.api.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.shared.Money;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate cache (issues 12 and 17): a committed aggregate is used again without replaying its
 * events, but never when the store holds events it has not seen (another node appended), nor with a change
 * whose request rolled back after its unit of work had committed. A bulk command's part asks for the last
 * sequence numbers of all its aggregates at once.
 */
@LedgerApiTest
class AggregateCacheTest {

    @LocalServerPort
    int port;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    EventStore eventStore;

    @Test
    void aCommittedAggregateIsUsedAgainWithoutReplayingItsEvents() {
        String decision = newDecision();

        Decision first = inUnitOfWork(() -> thisNode().load(decision).invoke(it -> it));
        Decision second = inUnitOfWork(() -> thisNode().load(decision).invoke(it -> it));

        assertThat(second).isSameAs(first);
    }

    @Test
    void anAggregateAnotherNodeHasAppendedToIsLoadedFromTheStore() {
        String decision = newDecision();
        Decision cached = inUnitOfWork(() -> thisNode().load(decision).invoke(it -> it));

        UUID reservedElsewhere = UUID.randomUUID();
        inUnitOfWork(() -> anotherNode().load(decision).invoke(it -> reserve(it, reservedElsewhere)));

        Decision loaded = inUnitOfWork(() -> thisNode().load(decision).invoke(it -> it));
        assertThat(loaded).isNotSameAs(cached);
        assertThat(loaded.reservedPayments()).contains(reservedElsewhere);
    }

    @Test
    void aChangeRolledBackWithItsRequestIsNeverServedFromTheCache() {
        String decision = newDecision();
        inUnitOfWork(() -> thisNode().load(decision).invoke(it -> it));

        UUID rolledBack = UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(request -> {
            inUnitOfWork(() -> thisNode().load(decision).invoke(it -> reserve(it, rolledBack)));
            request.setRollbackOnly();
        });
        UUID reservedElsewhere = UUID.randomUUID();
        inUnitOfWork(() -> anotherNode().load(decision).invoke(it -> reserve(it, reservedElsewhere)));

        var reserved = inUnitOfWork(() -> thisNode().load(decision).invoke(Decision::reservedPayments));
        assertThat(reserved).as("the other node appended the same sequence number as the rolled-back change")
                            .contains(reservedElsewhere).doesNotContain(rolledBack);
    }

    @Test
    void aBulkCommandLearnsTheLastSequenceNumbersOfItsAggregatesAsTheStoreHoldsThem() {
        String decision = newDecision();
        inUnitOfWork(() -> anotherNode().load(decision).invoke(it -> reserve(it, UUID.randomUUID())));
        String unknown = UUID.randomUUID().toString();

        var answers = inUnitOfWork(() -> {
            ((LedgerEventStorageEngine) engine).prefetch(List.of(decision, unknown));
            return List.of(eventStore.lastSequenceNumberFor(decision), eventStore.lastSequenceNumberFor(unknown));
        });

        assertThat(answers).containsExactly(eventStore.lastSequenceNumberFor(decision), Optional.empty());
        assertThat(answers.get(0)).contains(1L);
    }

    private String newDecision() {
        var ledger = new Ledger(port);
        return ledger.decision(ledger.household("0488"), "2026-05", "9000.00");
    }

    private static Decision reserve(Decision decision, UUID paymentId) {
        decision.reserve(paymentId, Money.ofKronor(100));
        return decision;
    }

    private Repository<Decision> thisNode() {
        return axon.repository(Decision.class);
    }

    /** The same store without this node's cache: what a second service process sees. */
    private Repository<Decision> anotherNode() {
        return CommitCheckingRepository.of(Decision.class, axon, 0, 0);
    }

    private <R> R inUnitOfWork(Callable<R> task) {
        return UnitsOfWork.inUnitOfWork(axonTransactions, task);
    }
}
