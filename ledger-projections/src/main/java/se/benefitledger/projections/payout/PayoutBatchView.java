package se.benefitledger.projections.payout;

import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/** {@code unsettledCount}: payments still waiting for the bank's answer. */
public record PayoutBatchView(UUID batchId,
                              MunicipalityCode municipality,
                              LocalDate payoutDate,
                              PayoutBatchStatus status,
                              int paymentCount,
                              Money controlTotal,
                              int executedCount,
                              Money executedTotal,
                              int rejectedCount,
                              Money rejectedTotal,
                              int unsettledCount,
                              LocalDate settledOn,
                              long version) {
}
