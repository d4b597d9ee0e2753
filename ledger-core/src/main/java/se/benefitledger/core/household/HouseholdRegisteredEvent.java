package se.benefitledger.core.household;

import se.benefitledger.core.shared.MunicipalityCode;

import java.util.List;
import java.util.UUID;

public record HouseholdRegisteredEvent(UUID householdId, MunicipalityCode municipality, List<HouseholdMember> members) {

    public HouseholdRegisteredEvent {
        members = List.copyOf(members);
    }
}
