package se.benefitledger.core.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.benefitledger.core.shared.BenefitMonth;

import java.util.UUID;

/**
 * Ends the household's case; {@code effectiveMonth} is the first month it no longer receives
 * assistance. {@code expectedVersion}, when given, must be the household's current version.
 */
public record CloseHouseholdCommand(@TargetAggregateIdentifier UUID householdId,
                                    ClosureReason reason,
                                    BenefitMonth effectiveMonth,
                                    @TargetAggregateVersion Long expectedVersion) {
}
