package se.benefitledger.projections.reconciliation;

import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One item per payout batch with its payout date in the range. {@code paymentCount} = executed +
 * rejected + unsettled; executed figures include payments returned later.
 */
public record ReconciliationReport(MunicipalityCode municipality, LocalDate from, LocalDate to, List<Batch> items, int page, int size, long total) {

    public record Batch(UUID batchId, LocalDate payoutDate, PayoutBatchStatus status, int paymentCount, Money controlTotal,
                        int executedCount, Money executedTotal, int rejectedCount, Money rejectedTotal, int returnedCount,
                        Money returnedTotal, int unsettledCount, List<Discrepancy> discrepancies) {
    }

    /**
     * A payment on which the batch and the payment's own history disagree: {@code batchState} is what
     * the batch recorded (NOT_INCLUDED, UNSETTLED, EXECUTED, REJECTED), {@code ledgerState} the
     * payment's status (NOT_BATCHED, BATCHED, EXECUTED, REJECTED, RETURNED).
     */
    public record Discrepancy(UUID paymentId, String batchState, Money batchAmount, String ledgerState, Money ledgerAmount, Bank bank) {
    }

    /**
     * A transaction of a bank message that the ledger did not apply: UNMATCHED (no payment of the
     * batch has its EndToEndId) or CONFLICT (the payment's state or amount disagreed);
     * {@code state} is what the bank reported (EXECUTED, REJECTED, RETURNED).
     */
    public record Bank(String messageId, String problem, String endToEndId, String state, Money amount, String detail) {
    }
}
