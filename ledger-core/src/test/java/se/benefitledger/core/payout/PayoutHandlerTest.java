package se.benefitledger.core.payout;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.Examples;
import se.benefitledger.core.LedgerScenario;
import se.benefitledger.core.decision.DecisionReservationReleasedEvent;
import se.benefitledger.core.decision.ReleaseReason;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static se.benefitledger.core.Examples.DUE;
import static se.benefitledger.core.Examples.MARCH;
import static se.benefitledger.core.Examples.PAYOUT;
import static se.benefitledger.core.Examples.TROSA;

class PayoutHandlerTest {

    private static final LocalDate SETTLED_ON = LocalDate.of(2021, 2, 26);
    private final Examples example = new Examples();
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID batchId = UUID.randomUUID();
    private final LedgerScenario ledger = LedgerScenario.start();

    private LedgerScenario twoScheduledPayments() {
        return ledger.given("Decision", example.decisionId, example.decisionOf("10000.00"), example.reserved(first, "6000.00"),
                             example.reserved(second, "4000.00"))
                     .given("Payment", first, example.scheduled(first, "6000.00"))
                     .given("Payment", second, example.scheduled(second, "4000.00"));
    }

    private LedgerScenario twoBatchedPayments() {
        return twoScheduledPayments()
                .given("Payment", first, example.batched(first, batchId))
                .given("Payment", second, example.batched(second, batchId))
                .given("PayoutBatch", batchId, created());
    }

    @Test
    void paymentsJoinTheBatch() {
        twoScheduledPayments()
                .when(new AssignPaymentsToBatchCommand(batchId, TROSA, PAYOUT, List.of(first, second)))
                .expectEvents(example.batched(first, batchId), example.batched(second, batchId));
    }

    @Test
    void theBatchHoldsItsPaymentsWithTheirControlTotal() {
        ledger.when(new CreatePayoutBatchCommand(batchId, TROSA, PAYOUT, List.of(new BatchedPayment(first, Money.parse("6000.00")),
                      new BatchedPayment(second, Money.parse("4000.00")))))
              .expectEvents(created());
    }

    @Test
    void aPaymentGoesIntoOneBatchOnly() {
        twoScheduledPayments()
                .given("Payment", first, example.batched(first, UUID.randomUUID()))
                .when(new AssignPaymentsToBatchCommand(batchId, TROSA, PAYOUT, List.of(first, second)))
                .expectException(StateConflict.class, "payment " + first + " is BATCHED; it must be SCHEDULED to be batched");
    }

    @Test
    void batchesOnlyPaymentsOfItsMunicipality() {
        twoScheduledPayments()
                .when(new AssignPaymentsToBatchCommand(batchId, MunicipalityCode.of("0180"), PAYOUT, List.of(first)))
                .expectException(StateConflict.class, "belongs to municipality 0488, not 0180");
    }

    @Test
    void batchesOnlyPaymentsDueByThePayoutDate() {
        twoScheduledPayments()
                .when(new AssignPaymentsToBatchCommand(batchId, TROSA, DUE.minusDays(1), List.of(first)))
                .expectException(StateConflict.class, "is due on 2021-02-25, after the payout date 2021-02-24");
    }

    @Test
    void anEmptyBatchIsRefused() {
        ledger.when(new CreatePayoutBatchCommand(batchId, TROSA, PAYOUT, List.of()))
              .expectException(BusinessRuleViolation.class, "a payout batch needs at least one payment");
    }

    @Test
    void settlementExecutesAndRejectsAndReleasesTheRejectedAmount() {
        twoBatchedPayments()
                .when(new SettlePayoutBatchCommand(batchId, SETTLED_ON, List.of(
                        new SettlementInstruction(first, SettlementOutcome.EXECUTED, null),
                        new SettlementInstruction(second, SettlementOutcome.REJECTED, "account closed")), null))
                .expectEvents(
                        new PayoutBatchSettlementRecordedEvent(batchId, TROSA, SETTLED_ON, List.of(
                                new SettledPayment(first, SettlementOutcome.EXECUTED, Money.parse("6000.00"), null),
                                new SettledPayment(second, SettlementOutcome.REJECTED, Money.parse("4000.00"), "account closed"))),
                        new PayoutBatchSettledEvent(batchId, TROSA, SETTLED_ON),
                        example.executed(first, batchId, "6000.00", SETTLED_ON),
                        new PaymentRejectedEvent(second, batchId, example.decisionId, example.householdId, TROSA, MARCH, Money.parse("4000.00"),
                                DUE, "account closed"),
                        new DecisionReservationReleasedEvent(example.decisionId, second, Money.parse("4000.00"), ReleaseReason.REJECTED));
    }

    @Test
    void aBatchIsSettledOnlyWhenEveryPaymentHasItsAnswer() {
        twoBatchedPayments()
                .when(new SettlePayoutBatchCommand(batchId, SETTLED_ON, List.of(new SettlementInstruction(first, SettlementOutcome.EXECUTED, null)),
                        null))
                .expectEvents(new PayoutBatchSettlementRecordedEvent(batchId, TROSA, SETTLED_ON,
                                List.of(new SettledPayment(first, SettlementOutcome.EXECUTED, Money.parse("6000.00"), null))),
                        example.executed(first, batchId, "6000.00", SETTLED_ON));
    }

    @Test
    void refusesToSettleAPaymentTwice() {
        twoBatchedPayments()
                .given("PayoutBatch", batchId, new PayoutBatchSettlementRecordedEvent(batchId, TROSA, SETTLED_ON,
                        List.of(new SettledPayment(first, SettlementOutcome.EXECUTED, Money.parse("6000.00"), null))))
                .given("Payment", first, example.executed(first, batchId, "6000.00", SETTLED_ON))
                .when(new SettlePayoutBatchCommand(batchId, SETTLED_ON, List.of(new SettlementInstruction(first, SettlementOutcome.REJECTED, "x")),
                        null))
                .expectException(BusinessRuleViolation.class, "payment " + first + " of payout batch " + batchId + " is already settled");
    }

    @Test
    void refusesTheSamePaymentTwiceInOneSettlement() {
        twoBatchedPayments()
                .when(new SettlePayoutBatchCommand(batchId, SETTLED_ON, List.of(
                        new SettlementInstruction(first, SettlementOutcome.EXECUTED, null),
                        new SettlementInstruction(first, SettlementOutcome.EXECUTED, null)), null))
                .expectException(BusinessRuleViolation.class, "is already settled");
    }

    @Test
    void refusesAPaymentThatIsNotInTheBatch() {
        UUID stranger = UUID.randomUUID();
        twoBatchedPayments()
                .when(new SettlePayoutBatchCommand(batchId, SETTLED_ON, List.of(new SettlementInstruction(stranger, SettlementOutcome.EXECUTED, null)),
                        null))
                .expectException(BusinessRuleViolation.class, "payment " + stranger + " is not in payout batch " + batchId);
    }

    private PayoutBatchCreatedEvent created() {
        return new PayoutBatchCreatedEvent(batchId, TROSA, PAYOUT, List.of(new BatchedPayment(first, Money.parse("6000.00")),
                new BatchedPayment(second, Money.parse("4000.00"))), Money.parse("10000.00"));
    }
}
