package se.benefitledger.core.decision;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.Examples;
import se.benefitledger.core.LedgerScenario;
import se.benefitledger.core.payment.CancelPaymentCommand;
import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.household.HouseholdClosedEvent;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.payment.ErroneousPaymentCause;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentFoundErroneousEvent;
import se.benefitledger.core.payment.PaymentCancelledEvent;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.core.payment.PaymentReissuedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.payment.ReissuePaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentCommand;
import se.benefitledger.core.payment.ReturnPaymentsCommand;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.benefitledger.core.Examples.DUE;
import static se.benefitledger.core.Examples.MARCH;
import static se.benefitledger.core.Examples.TROSA;

class DecisionPaymentsHandlerTest {

    private static final LocalDate RETURNED_ON = LocalDate.of(2021, 3, 2);
    private final Examples example = new Examples();
    private final UUID paymentId = UUID.randomUUID();
    private final UUID batchId = UUID.randomUUID();
    private final LedgerScenario ledger = LedgerScenario.start()
            .given("Household", example.householdId, new HouseholdRegisteredEvent(example.householdId, TROSA,
                    List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1981, 12, 18)))));

    @Test
    void cancellingAScheduledPaymentReleasesItsReservation() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, example.scheduled(paymentId, "8450.00"))
              .when(new CancelPaymentCommand(paymentId, "household moved", null))
              .expectEvents(cancelled(paymentId, "8450.00", "household moved"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.CANCELLED));
    }

    @Test
    void aReturnReleasesThePaymentsReservation() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, executed("8450.00"))
              .when(new ReturnPaymentCommand(paymentId, RETURNED_ON, "account closed", null))
              .expectEvents(returned("8450.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.RETURNED));
    }

    /** A bank's notification returning two payments of one decision: each returned and released, as one at a time. */
    @Test
    void aBulkReturnReturnsEachPaymentAndReleasesItsReservation() {
        UUID rent = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"),
                      example.reserved(rent, "1000.00"))
              .given("Payment", paymentId, executed("8450.00"))
              .given("Payment", rent, example.scheduled(rent, "1000.00"), example.batched(rent, batchId), example.executed(rent, batchId, "1000.00", DUE))
              .when(new ReturnPaymentsCommand(List.of(new ReturnPaymentCommand(paymentId, RETURNED_ON, "account closed", null),
                      new ReturnPaymentCommand(rent, RETURNED_ON, "account closed", null))))
              .expectEvents(returned("8450.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.RETURNED),
                      new PaymentReturnedEvent(rent, batchId, example.householdId, TROSA, MARCH, Money.parse("1000.00"), DUE, RETURNED_ON,
                              "account closed"),
                      new DecisionReservationReleasedEvent(example.decisionId, rent, Money.parse("1000.00"), ReleaseReason.RETURNED));
    }

    @Test
    void aBulkReturnOfWhichOnePaymentCannotBeReturnedReturnsNone() {
        UUID waiting = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"),
                      example.reserved(waiting, "1000.00"))
              .given("Payment", paymentId, executed("8450.00"))
              .given("Payment", waiting, example.scheduled(waiting, "1000.00"), example.batched(waiting, batchId))
              .when(new ReturnPaymentsCommand(List.of(new ReturnPaymentCommand(paymentId, RETURNED_ON, "account closed", null),
                      new ReturnPaymentCommand(waiting, RETURNED_ON, "account closed", null))))
              .expectException(StateConflict.class, "payment " + waiting + " is BATCHED; it must be EXECUTED to be returned");
    }

    @Test
    void aBulkReturnTakesOneToTwoHundredPayments() {
        var returns = new ArrayList<ReturnPaymentCommand>();
        for (int i = 0; i <= ReturnPaymentsCommand.MAX_RETURNS; i++) {
            returns.add(new ReturnPaymentCommand(UUID.randomUUID(), RETURNED_ON, "account closed", null));
        }
        assertThatThrownBy(() -> new ReturnPaymentsCommand(returns)).hasMessage("returns of 1 to 200 payments in one command, not 201");
        assertThatThrownBy(() -> new ReturnPaymentsCommand(List.of())).hasMessage("returns of 1 to 200 payments in one command, not 0");
    }

    @Test
    void onlyAnExecutedPaymentCanBeReturned() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId))
              .when(new ReturnPaymentCommand(paymentId, RETURNED_ON, "account closed", null))
              .expectException(StateConflict.class, "payment " + paymentId + " is BATCHED; it must be EXECUTED to be returned");
    }

    @Test
    void aPaymentFoundErroneousCannotBeReturned() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, executed("8450.00", new PaymentFoundErroneousEvent(paymentId, example.householdId, TROSA, MARCH,
                      Money.parse("2000.00"), ErroneousPaymentCause.INCORRECT_INFORMATION, null, Money.parse("2000.00"))))
              .when(new ReturnPaymentCommand(paymentId, RETURNED_ON, "account closed", null))
              .expectException(StateConflict.class, "payment " + paymentId + " has an erroneous finding of 2000.00; a payment found erroneous "
                      + "cannot be returned (recover it with a claim instead)");
    }

    @Test
    void aPaymentIsReturnedOnlyOnce() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, executed("8450.00", returned("8450.00")))
              .when(new ReturnPaymentCommand(paymentId, RETURNED_ON.plusDays(1), "again", null))
              .expectException(StateConflict.class, "is RETURNED; it must be EXECUTED to be returned");
    }

    @Test
    void cannotBeReturnedBeforeItWasExecuted() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, executed("8450.00"))
              .when(new ReturnPaymentCommand(paymentId, DUE.minusDays(1), "typo", null))
              .expectException(BusinessRuleViolation.class, "a payment cannot be returned before it was executed: payment " + paymentId
                      + " was executed on 2021-02-25, return date 2021-02-24");
    }

    @Test
    void aReturnedPaymentIsReissuedForTheSameAmountAndMonth() {
        UUID reissue = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("8450.00"), example.reserved(paymentId, "8450.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.RETURNED))
              .given("Payment", paymentId, executed("8450.00", returned("8450.00")))
              .when(new ReissuePaymentCommand(paymentId, reissue, LocalDate.of(2021, 3, 10), null, null, null))
              .expectEvents(new PaymentReissuedEvent(paymentId, example.decisionId, reissue),
                      example.reserved(reissue, "8450.00"),
                      new PaymentScheduledEvent(reissue, example.decisionId, example.householdId, TROSA, MARCH, LegalBasis.SOL_2025_12_1,
                              Money.parse("8450.00"), LocalDate.of(2021, 3, 10), PayeeType.HOUSEHOLD, example.payeeId, paymentId));
    }

    @Test
    void aRejectedPaymentIsReissuedToANewPayee() {
        UUID reissue = UUID.randomUUID();
        UUID landlord = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("8450.00"), example.reserved(paymentId, "8450.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.REJECTED))
              .given("Payment", paymentId, example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId),
                      new PaymentRejectedEvent(paymentId, batchId, example.decisionId, example.householdId, TROSA, MARCH, Money.parse("8450.00"),
                              DUE, "AC04"))
              .when(new ReissuePaymentCommand(paymentId, reissue, LocalDate.of(2021, 3, 10), PayeeType.LANDLORD, landlord, null))
              .expectEvents(new PaymentReissuedEvent(paymentId, example.decisionId, reissue),
                      example.reserved(reissue, "8450.00"),
                      new PaymentScheduledEvent(reissue, example.decisionId, example.householdId, TROSA, MARCH, LegalBasis.SOL_2025_12_1,
                              Money.parse("8450.00"), LocalDate.of(2021, 3, 10), PayeeType.LANDLORD, landlord, paymentId));
    }

    @Test
    void onlyAReturnedOrRejectedPaymentCanBeReissued() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, executed("8450.00"))
              .when(new ReissuePaymentCommand(paymentId, UUID.randomUUID(), LocalDate.of(2021, 3, 10), null, null, null))
              .expectException(StateConflict.class, "payment " + paymentId + " is EXECUTED; only a RETURNED or REJECTED payment can be reissued");
    }

    @Test
    void aPaymentIsReissuedOnlyOnce() {
        UUID first = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("20000.00"), example.reserved(paymentId, "8450.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.RETURNED))
              .given("Payment", paymentId, executed("8450.00", returned("8450.00"), new PaymentReissuedEvent(paymentId, example.decisionId, first)))
              .when(new ReissuePaymentCommand(paymentId, UUID.randomUUID(), LocalDate.of(2021, 3, 10), null, null, null))
              .expectException(StateConflict.class, "payment " + paymentId + " was already reissued as payment " + first);
    }

    @Test
    void aClosedHouseholdGetsNoReissue() {
        ledger.given("Household", example.householdId, new HouseholdClosedEvent(example.householdId, TROSA, ClosureReason.MOVED, MARCH))
              .given("Decision", example.decisionId, example.decisionOf("8450.00"), example.reserved(paymentId, "8450.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.RETURNED))
              .given("Payment", paymentId, executed("8450.00", returned("8450.00")))
              .when(new ReissuePaymentCommand(paymentId, UUID.randomUUID(), LocalDate.of(2021, 3, 10), null, null, null))
              .expectException(StateConflict.class, "is CLOSED");
    }

    @Test
    void aReissueOnARevokedDecisionIsRefused() {
        ledger.given("Decision", example.decisionId, example.decisionOf("8450.00"), example.reserved(paymentId, "8450.00"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.RETURNED),
                      new DecisionRevokedEvent(example.decisionId, example.householdId, "moved"))
              .given("Payment", paymentId, executed("8450.00", returned("8450.00")))
              .when(new ReissuePaymentCommand(paymentId, UUID.randomUUID(), LocalDate.of(2021, 3, 10), null, null, null))
              .expectException(StateConflict.class, "only an ACTIVE decision can schedule payments");
    }

    /** The payment's events up to its execution, then {@code later}. */
    private Object[] executed(String amount, Object... later) {
        var events = new ArrayList<Object>(List.of(example.scheduled(paymentId, amount), example.batched(paymentId, batchId),
                example.executed(paymentId, batchId, amount, DUE)));
        events.addAll(List.of(later));
        return events.toArray();
    }

    private PaymentReturnedEvent returned(String amount) {
        return new PaymentReturnedEvent(paymentId, batchId, example.householdId, TROSA, MARCH, Money.parse(amount), DUE, RETURNED_ON,
                "account closed");
    }

    @Test
    void refusesToCancelAnExecutedPayment() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, example.scheduled(paymentId, "8450.00"), example.batched(paymentId, batchId),
                      example.executed(paymentId, batchId, "8450.00", DUE))
              .when(new CancelPaymentCommand(paymentId, "too late", null))
              .expectException(StateConflict.class, "payment " + paymentId + " is EXECUTED; it must be SCHEDULED to be cancelled");
    }

    @Test
    void revokingCancelsTheScheduledPayments() {
        UUID second = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "6000.00"),
                      example.reserved(second, "4000.00"))
              .given("Payment", paymentId, example.scheduled(paymentId, "6000.00"))
              .given("Payment", second, example.scheduled(second, "4000.00"))
              .when(new RevokeDecisionCommand(example.decisionId, "applied for the wrong month", null))
              .expectEvents(new DecisionRevokedEvent(example.decisionId, example.householdId, "applied for the wrong month"),
                      cancelled(paymentId, "6000.00", "decision revoked: applied for the wrong month"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("6000.00"), ReleaseReason.CANCELLED),
                      cancelled(second, "4000.00", "decision revoked: applied for the wrong month"),
                      new DecisionReservationReleasedEvent(example.decisionId, second, Money.parse("4000.00"), ReleaseReason.CANCELLED));
    }

    @Test
    void refusesToRevokeWhileAPaymentIsBatched() {
        UUID scheduledOne = UUID.randomUUID();
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "6000.00"),
                      example.reserved(scheduledOne, "4000.00"))
              .given("Payment", paymentId, example.scheduled(paymentId, "6000.00"), example.batched(paymentId, batchId))
              .given("Payment", scheduledOne, example.scheduled(scheduledOne, "4000.00"))
              .when(new RevokeDecisionCommand(example.decisionId, "too late", null))
              .expectException(StateConflict.class, "cannot be revoked while payments are BATCHED or EXECUTED: [" + paymentId + "]");
    }

    @Test
    void refusesToRevokeWhileAPaymentIsExecuted() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "6000.00"))
              .given("Payment", paymentId, example.scheduled(paymentId, "6000.00"), example.batched(paymentId, batchId),
                      example.executed(paymentId, batchId, "6000.00", DUE))
              .when(new RevokeDecisionCommand(example.decisionId, "too late", null))
              .expectException(StateConflict.class, "cannot be revoked while payments are BATCHED or EXECUTED");
    }

    @Test
    void refusesToRevokeTwice() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"),
                      new DecisionRevokedEvent(example.decisionId, example.householdId, "first"))
              .when(new RevokeDecisionCommand(example.decisionId, "second", null))
              .expectException(StateConflict.class, "is REVOKED; only an ACTIVE decision can be revoked");
    }

    private PaymentCancelledEvent cancelled(UUID id, String amount, String reason) {
        return new PaymentCancelledEvent(id, example.decisionId, example.householdId, TROSA, MARCH, Money.parse(amount), DUE, reason);
    }
}
