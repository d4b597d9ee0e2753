package se.benefitledger.core.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.benefitledger.core.shared.BenefitMonth;

import java.util.UUID;

/** Ends the household's case; {@code effectiveMonth} is the first month it no longer receives assistance. */
public record CloseHouseholdCommand(@TargetAggregateIdentifier UUID householdId,
                                    ClosureReason reason,
                                    BenefitMonth effectiveMonth) {
}
