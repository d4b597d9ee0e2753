package se.benefitledger.core.decision;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.Examples;
import se.benefitledger.core.LedgerScenario;
import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.household.HouseholdClosedEvent;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static se.benefitledger.core.Examples.DUE;
import static se.benefitledger.core.Examples.TROSA;

/** Scheduling a payment: the decision reserves its amount, on an ACTIVE decision of an ACTIVE household. */
class DecisionTest {

    private final Examples example = new Examples();
    private final UUID paymentId = UUID.randomUUID();
    private final LedgerScenario ledger = LedgerScenario.start()
            .given("Household", example.householdId, new HouseholdRegisteredEvent(example.householdId, TROSA,
                    List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1981, 12, 18)))));

    @Test
    void reservesTheAmountAndCreatesTheScheduledPayment() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"))
              .when(schedule(paymentId, "8450.00"))
              .expectEvents(example.reserved(paymentId, "8450.00"), example.scheduled(paymentId, "8450.00"));
    }

    @Test
    void schedulesUpToExactlyTheApprovedAmount() {
        UUID first = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(first, "8450.00"))
              .when(schedule(paymentId, "1550.00"))
              .expectEvents(example.reserved(paymentId, "1550.00"), example.scheduled(paymentId, "1550.00"));
    }

    @Test
    void rejectsPaymentBeyondApprovedAmount() {
        UUID first = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(first, "8450.00"))
              .when(schedule(paymentId, "1550.01"))
              .expectException(BusinessRuleViolation.class, "payments of decision " + example.decisionId
                      + " may not exceed its approved amount 10000.00: 8450.00 is committed, 1550.01 more would make 10000.01");
    }

    @Test
    void aReleasedReservationMakesRoomAgain() {
        UUID rejected = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(rejected, "10000.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, rejected, Money.parse("10000.00"), ReleaseReason.REJECTED))
              .when(schedule(paymentId, "10000.00"))
              .expectEvents(example.reserved(paymentId, "10000.00"), example.scheduled(paymentId, "10000.00"));
    }

    @Test
    void rejectsAZeroPayment() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"))
              .when(schedule(paymentId, "0.00"))
              .expectException(BusinessRuleViolation.class, "a payment must be for more than 0.00");
    }

    @Test
    void refusesPaymentsFromARevokedDecision() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"),
                      new DecisionRevokedEvent(example.decisionId, example.householdId, "wrong month"))
              .when(schedule(paymentId, "100.00"))
              .expectException(StateConflict.class, "decision " + example.decisionId
                      + " is REVOKED; only an ACTIVE decision can schedule payments");
    }

    @Test
    void refusesPaymentsToAClosedHousehold() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"))
              .given("Household", example.householdId,
                      new HouseholdClosedEvent(example.householdId, TROSA, ClosureReason.MOVED, BenefitMonth.of(2021, 2)))
              .when(schedule(paymentId, "100.00"))
              .expectException(StateConflict.class, "household " + example.householdId
                      + " is CLOSED; only an ACTIVE household can receive a payment");
    }

    private SchedulePaymentCommand schedule(UUID id, String amount) {
        return new SchedulePaymentCommand(example.decisionId, id, Money.parse(amount), DUE, PayeeType.HOUSEHOLD, example.payeeId, null);
    }
}
