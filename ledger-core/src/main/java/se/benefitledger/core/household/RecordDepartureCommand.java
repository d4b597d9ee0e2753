package se.benefitledger.core.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.shared.BenefitMonth;

import java.util.UUID;

/** A member leaves the household; {@code month} is the first month the person is no longer a member. */
public record RecordDepartureCommand(@TargetAggregateIdentifier UUID householdId,
                                     UUID personId,
                                     BenefitMonth month,
                                     @TargetAggregateVersion Long expectedVersion) {
}
