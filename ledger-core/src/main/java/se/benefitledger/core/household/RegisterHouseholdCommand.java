package se.benefitledger.core.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.List;
import java.util.UUID;

public record RegisterHouseholdCommand(@TargetAggregateIdentifier UUID householdId,
                                       MunicipalityCode municipality,
                                       List<HouseholdMember> members) {

    public RegisterHouseholdCommand {
        members = List.copyOf(members);
    }
}
