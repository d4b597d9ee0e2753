package se.benefitledger.core.recovery;

import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/** {@code outstanding} is what remains of the claim afterwards. */
public record RepaymentReceivedEvent(UUID claimId,
                          UUID householdId,
                          MunicipalityCode municipality,
                          Money amount,
                          LocalDate receivedOn,
                          Money outstanding) {
}
