package se.benefitledger.api.payout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.benefitledger.core.payout.SettlementOutcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

record SettlementRequest(@NotNull LocalDate settledOn, @NotEmpty List<@Valid @NotNull Result> results) {

    record Result(@NotNull UUID paymentId, @NotNull SettlementOutcome status, @Size(max = 500) String reason) {
    }
}
