package se.benefitledger.core.household;

import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.UUID;

public record HouseholdClosedEvent(UUID householdId,
                                   MunicipalityCode municipality,
                                   ClosureReason reason,
                                   BenefitMonth effectiveMonth) {
}
