package se.benefitledger.core.decision;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.Examples;
import se.benefitledger.core.LedgerScenario;
import se.benefitledger.core.payment.CancelPaymentCommand;
import se.benefitledger.core.payment.PaymentCancelledEvent;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.StateConflict;

import java.util.UUID;

import static se.benefitledger.core.Examples.DUE;
import static se.benefitledger.core.Examples.MARCH;
import static se.benefitledger.core.Examples.TROSA;

class DecisionPaymentsHandlerTest {

    private final Examples example = new Examples();
    private final UUID paymentId = UUID.randomUUID();
    private final UUID batchId = UUID.randomUUID();
    private final LedgerScenario ledger = LedgerScenario.start();

    @Test
    void cancellingAScheduledPaymentReleasesItsReservation() {
        ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(paymentId, "8450.00"))
              .given("Payment", paymentId, example.scheduled(paymentId, "8450.00"))
              .when(new CancelPaymentCommand(paymentId, "household moved", null))
              .expectEvents(cancelled(paymentId, "8450.00", "household moved"),
                      new DecisionReservationReleasedEvent(example.decisionId, paymentId, Money.parse("8450.00"), ReleaseReason.CANCELLED));
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
