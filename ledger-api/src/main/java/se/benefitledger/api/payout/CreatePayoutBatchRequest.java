package se.benefitledger.api.payout;

import jakarta.validation.constraints.NotNull;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;

record CreatePayoutBatchRequest(@NotNull MunicipalityCode municipality, @NotNull LocalDate payoutDate) {
}
