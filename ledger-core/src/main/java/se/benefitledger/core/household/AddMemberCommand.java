package se.benefitledger.core.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.shared.BenefitMonth;

import java.util.UUID;

/** A person joins the household (a birth, a partner moving in); a member from {@code fromMonth} on. */
public record AddMemberCommand(@TargetAggregateIdentifier UUID householdId,
                               HouseholdMember member,
                               BenefitMonth fromMonth,
                               @TargetAggregateVersion Long expectedVersion) {
}
