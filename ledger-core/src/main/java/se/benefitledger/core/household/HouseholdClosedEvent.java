package se.benefitledger.core.household;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.UUID;

@Revision("1")
public record HouseholdClosedEvent(UUID householdId,
                                   MunicipalityCode municipality,
                                   ClosureReason reason,
                                   BenefitMonth effectiveMonth) {
}
