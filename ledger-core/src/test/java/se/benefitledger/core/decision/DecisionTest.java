package se.benefitledger.core.decision;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.benefitledger.core.Examples;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.StateConflict;

import java.util.UUID;

import static se.benefitledger.core.Examples.DUE;

class DecisionTest {

    private final Examples example = new Examples();
    private final UUID paymentId = UUID.randomUUID();
    private FixtureConfiguration<Decision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Decision.class);
    }

    @Test
    void reservesTheAmountAndCreatesTheScheduledPayment() {
        fixture.given(example.decisionOf("10000.00"))
               .when(schedule(paymentId, "8450.00"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(example.reserved(paymentId, "8450.00"), example.scheduled(paymentId, "8450.00"));
    }

    @Test
    void schedulesUpToExactlyTheApprovedAmount() {
        UUID first = UUID.randomUUID();
        fixture.given(example.decisionOf("10000.00"), example.reserved(first, "8450.00"))
               .when(schedule(paymentId, "1550.00"))
               .expectEvents(example.reserved(paymentId, "1550.00"), example.scheduled(paymentId, "1550.00"));
    }

    @Test
    void rejectsPaymentBeyondApprovedAmount() {
        UUID first = UUID.randomUUID();
        fixture.given(example.decisionOf("10000.00"), example.reserved(first, "8450.00"))
               .when(schedule(paymentId, "1550.01"))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("payments of decision " + example.decisionId + " may not exceed its approved amount 10000.00: "
                       + "8450.00 is committed, 1550.01 more would make 10000.01")
               .expectNoEvents();
    }

    @Test
    void aReleasedReservationMakesRoomAgain() {
        UUID rejected = UUID.randomUUID();
        fixture.given(example.decisionOf("10000.00"), example.reserved(rejected, "10000.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, rejected, Money.parse("10000.00"), ReleaseReason.REJECTED))
               .when(schedule(paymentId, "10000.00"))
               .expectEvents(example.reserved(paymentId, "10000.00"), example.scheduled(paymentId, "10000.00"));
    }

    @Test
    void rejectsAZeroPayment() {
        fixture.given(example.decisionOf("10000.00"))
               .when(schedule(paymentId, "0.00"))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a payment must be for more than 0.00")
               .expectNoEvents();
    }

    @Test
    void refusesPaymentsFromARevokedDecision() {
        fixture.given(example.decisionOf("10000.00"), new DecisionRevokedEvent(example.decisionId, example.householdId, "wrong month"))
               .when(schedule(paymentId, "100.00"))
               .expectException(StateConflict.class)
               .expectExceptionMessage("decision " + example.decisionId + " is REVOKED; only an ACTIVE decision can schedule payments")
               .expectNoEvents();
    }

    private SchedulePaymentCommand schedule(UUID id, String amount) {
        return new SchedulePaymentCommand(example.decisionId, id, Money.parse(amount), DUE, PayeeType.HOUSEHOLD, example.payeeId, null);
    }
}
