package se.benefitledger.api.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.decision.Decision;
import se.benefitledger.core.household.Household;
import se.benefitledger.core.payment.Payment;
import se.benefitledger.core.recovery.RecoveryClaim;

import java.util.ArrayList;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots (issue 17): a decision with many payments is loaded from its latest snapshot and the
 * events after it, in exactly the state its whole history gives; a snapshot of another revision is
 * ignored; every aggregate that is snapshotted survives the trip through its snapshot's JSON
 * (PersonalData has one event, its erasure, and never reaches a snapshot; a payout batch is never
 * snapshotted).
 */
@LedgerApiTest
class AggregateSnapshotsTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDecisionWithManyPaymentsIsLoadedFromItsLatestSnapshotInTheStateOfItsWholeHistory() {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household("0488"), "2026-03", "100000.00");
        for (int payment = 0; payment < 60; payment++) {
            ledger.payment(decision, "10.00", "2026-03-25");
        }

        var snapshot = jdbc.sql("SELECT sequence_number, payload_revision FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                           .param(decision).query().singleRow();
        assertThat((Long) snapshot.get("sequence_number")).as("taken at the 50th event").isBetween(49L, 60L);
        assertThat(snapshot.get("payload_revision")).isEqualTo("1");

        DomainEventMessage<?> first = eventStore.readEvents(decision).peek();
        assertThat(first.getPayloadType()).as("the stream starts at the snapshot").isEqualTo(Decision.class);
        assertThat(first.getSequenceNumber()).isEqualTo(snapshot.get("sequence_number"));
        assertThat(load(Decision.class, decision, eventStore.readEvents(decision)))
                .usingRecursiveComparison().isEqualTo(load(Decision.class, decision, storage.readEvents(decision)));
        assertThat(Users.NILS.on(port).get("/api/v1/decisions/" + decision).json("$.committedAmount").toString()).isEqualTo("600.00");
    }

    @Test
    void aPayoutBatchIsNeverSnapshotted() {
        String municipality = Municipalities.fresh();
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household(municipality), "2021-02", "100000.00");
        var payments = new ArrayList<String>();
        for (int payment = 0; payment < 60; payment++) {
            payments.add(ledger.payment(decision, "10.00", "2021-02-25"));
        }
        String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");

        for (String payment : payments) {
            assertThat(ledger.settle(batch, "2021-02-25", payment, "EXECUTED").status()).isEqualTo(200);
        }

        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(batch).query(Long.class).single())
                .as("the batch's events, beyond the threshold").isGreaterThan(60L);
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(batch).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(decision).query(Long.class).single())
                .as("its payments' decision, beyond the threshold too").isOne();
    }

    @Test
    void aSnapshotOfAnotherRevisionIsIgnored() {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household("0488"), "2026-04", "100000.00");
        for (int payment = 0; payment < 55; payment++) {
            ledger.payment(decision, "10.00", "2026-04-25");
        }

        jdbc.sql("UPDATE snapshot_event_entry SET payload_revision = '0' WHERE aggregate_identifier = ?").param(decision).update();

        assertThat(eventStore.readEvents(decision).peek().getSequenceNumber()).as("replayed from the first event").isZero();
        assertThat(ledger.payment(decision, "10.00", "2026-04-25")).isNotNull();
    }

    @Test
    void everyAggregateSurvivesItsSnapshot() {
        var ledger = new Ledger(port);
        var paid = ledger.executedPayment("7000.00", "2021-02");
        Users.INES.on(port).post("/api/v1/payments/" + paid.paymentId() + "/erroneous", "{\"amount\": \"6000.00\", \"cause\": \"INCORRECT_INFORMATION\"}");
        String claim = Users.INES.on(port).post("/api/v1/recovery-claims", """
                {"householdId": "%s", "paymentIds": ["%s"], "principal": "6000.00", "ground": "INCORRECT_INFORMATION",
                 "decidedOn": "2021-06-10"}""".formatted(paid.householdId(), paid.paymentId())).json("$.claimId");
        Users.FRIDA.on(port).post("/api/v1/recovery-claims/" + claim + "/repayments", "{\"amount\": \"1000.00\", \"receivedOn\": \"2021-12-20\"}");
        String decision = jdbc.sql("SELECT decision_id::text FROM decision WHERE household_id = ?::uuid")
                              .param(paid.householdId()).query(String.class).single();

        for (var aggregate : Map.of(Household.class, paid.householdId(), Decision.class, decision, Payment.class, paid.paymentId(),
                RecoveryClaim.class, claim).entrySet()) {
            Object replayed = load(aggregate.getKey(), aggregate.getValue(), storage.readEvents(aggregate.getValue()));
            SerializedObject<byte[]> json = EventStoreConfiguration.snapshotSerializer().serialize(replayed, byte[].class);
            Object restored = EventStoreConfiguration.snapshotSerializer().deserialize(json);

            assertThat(restored).as(new String(json.getData())).usingRecursiveComparison().isEqualTo(replayed);
        }
    }

    private static <T> T load(Class<T> type, String id, DomainEventStream events) {
        var root = new GenericAggregateFactory<>(type).createAggregateRoot(id, events.peek());
        var aggregate = EventSourcedAggregate.initialize(root, AnnotatedAggregateMetaModelFactory.inspectAggregate(type), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(events);
        return aggregate.getAggregateRoot();
    }
}
