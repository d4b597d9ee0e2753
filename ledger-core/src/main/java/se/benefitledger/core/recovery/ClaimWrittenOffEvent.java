package se.benefitledger.core.recovery;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code outstanding} is what remains of the claim afterwards. {@code decidedOn} is null in events
 * stored before it was recorded; they count on the day they were recorded.
 */
@Revision("1")
public record ClaimWrittenOffEvent(UUID claimId,
                          UUID householdId,
                          MunicipalityCode municipality,
                          Money amount,
                          String reason,
                          Money outstanding,
                          LocalDate decidedOn) {
}
