package se.benefitledger.core.household;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.UUID;

/** The person was a member of the household until the month before {@code month}. */
@Revision("1")
public record MemberDepartedEvent(UUID householdId, MunicipalityCode municipality, UUID personId, BenefitMonth month) {
}
