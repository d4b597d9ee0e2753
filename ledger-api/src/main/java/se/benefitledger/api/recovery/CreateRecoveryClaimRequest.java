package se.benefitledger.api.recovery;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.benefitledger.api.input.AtMostAWeekAhead;
import se.benefitledger.api.web.PositiveAmount;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

record CreateRecoveryClaimRequest(@NotNull UUID householdId,
                                  @NotEmpty @Size(max = 500) List<@NotNull UUID> paymentIds,
                                  @NotNull @PositiveAmount Money principal,
                                  @NotNull RecoveryGround ground,
                                  @NotNull @AtMostAWeekAhead LocalDate decidedOn) {
}
