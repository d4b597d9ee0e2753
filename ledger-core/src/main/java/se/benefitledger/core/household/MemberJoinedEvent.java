package se.benefitledger.core.household;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.UUID;

/** The person is a member of the household from {@code fromMonth} on. */
@Revision("1")
public record MemberJoinedEvent(UUID householdId, MunicipalityCode municipality, HouseholdMember member, BenefitMonth fromMonth) {
}
