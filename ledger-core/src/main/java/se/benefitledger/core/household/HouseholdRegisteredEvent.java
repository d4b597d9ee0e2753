package se.benefitledger.core.household;

import org.axonframework.serialization.Revision;
import se.benefitledger.core.shared.MunicipalityCode;

import java.util.List;
import java.util.UUID;

@Revision("1")
public record HouseholdRegisteredEvent(UUID householdId, MunicipalityCode municipality, List<HouseholdMember> members) {

    public HouseholdRegisteredEvent {
        members = List.copyOf(members);
    }
}
