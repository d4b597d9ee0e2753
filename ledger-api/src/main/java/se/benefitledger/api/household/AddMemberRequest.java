package se.benefitledger.api.household;

import jakarta.validation.constraints.NotNull;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.PersonalIdentityNumber;

/** A person joins the household; a member from {@code fromMonth} on. */
record AddMemberRequest(@NotNull PersonalIdentityNumber personalIdentityNumber, @NotNull MemberRole role, @NotNull BenefitMonth fromMonth) {
}
