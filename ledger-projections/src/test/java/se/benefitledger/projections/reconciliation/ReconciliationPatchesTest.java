package se.benefitledger.projections.reconciliation;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.payment.PaymentBatchedEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payout.BatchedPayment;
import se.benefitledger.core.payout.PayoutBatchCreatedEvent;
import se.benefitledger.core.payout.PayoutBatchSettlementRecordedEvent;
import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.payout.SettledPayment;
import se.benefitledger.core.payout.SettlementOutcome;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationPatchesTest {

    private static final MunicipalityCode TROSA = MunicipalityCode.of("0488");
    private final UUID batch = UUID.randomUUID();
    private final UUID payment = UUID.randomUUID();
    private final UUID household = UUID.randomUUID();

    @Test
    void theBatchAndThePaymentFillTheirOwnSidesOfTheRow() {
        var created = ReconciliationPatches.of(new PayoutBatchCreatedEvent(batch, TROSA, LocalDate.of(2021, 2, 25),
                List.of(new BatchedPayment(payment, Money.parse("100.00"))), Money.parse("100.00")));
        var batched = ReconciliationPatches.of(new PaymentBatchedEvent(payment, batch, TROSA, LocalDate.of(2021, 2, 25)));
        var settled = ReconciliationPatches.of(new PayoutBatchSettlementRecordedEvent(batch, TROSA, LocalDate.of(2021, 2, 26),
                List.of(new SettledPayment(payment, SettlementOutcome.EXECUTED, Money.parse("100.00"), null))));
        var executed = ReconciliationPatches.of(new PaymentExecutedEvent(payment, batch, household, TROSA, BenefitMonth.of(2021, 3),
                Money.parse("100.00"), LocalDate.of(2021, 2, 26)));

        var row = batched.payments().get(0).patch()
                         .then(created.payments().get(0).patch())
                         .then(settled.payments().get(0).patch())
                         .then(executed.payments().get(0).patch());

        assertThat(row).isEqualTo(new ReconciliationPatches.PaymentPatch(true, 10_000L, "EXECUTED", "EXECUTED", 10_000L));
        assertThat(created.batches().get(0).patch().then(settled.batches().get(0).patch()))
                .isEqualTo(new ReconciliationPatches.BatchPatch("0488", LocalDate.of(2021, 2, 25), PayoutBatchStatus.CREATED, 1, 10_000L,
                        1, 10_000, 0, 0, 0, 0));
    }

    @Test
    void aReturnCountsForTheBatchAndMarksThePayment() {
        var returned = ReconciliationPatches.of(new PaymentReturnedEvent(payment, batch, household, TROSA, BenefitMonth.of(2021, 3),
                Money.parse("100.00"), LocalDate.of(2021, 2, 26), LocalDate.of(2021, 3, 3), "closed"));

        assertThat(returned.batches().get(0).patch().returned()).isEqualTo(1);
        assertThat(returned.batches().get(0).patch().returnedOre()).isEqualTo(10_000);
        assertThat(returned.payments().get(0).patch().paymentState()).isEqualTo("RETURNED");
    }
}
