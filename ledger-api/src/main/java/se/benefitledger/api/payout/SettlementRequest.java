package se.benefitledger.api.payout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.benefitledger.api.input.AtMostAWeekAhead;
import se.benefitledger.core.payout.SettlementOutcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record SettlementRequest(@NotNull @AtMostAWeekAhead LocalDate settledOn,
                         @NotEmpty @Size(max = 200_000) List<@Valid @NotNull Result> results) {

    public record Result(@NotNull UUID paymentId, @NotNull SettlementOutcome status, String reason) {
    }
}
