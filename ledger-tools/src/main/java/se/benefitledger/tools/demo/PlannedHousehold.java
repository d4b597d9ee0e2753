package se.benefitledger.tools.demo;

import se.benefitledger.api.pii.Payee;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.util.List;
import java.util.UUID;

/**
 * A synthetic household: its members, the account it is paid to, and its housing. {@code index}
 * is its place in the plan; {@code householdId} is the id an in-process load gives it.
 */
public record PlannedHousehold(int index,
                               UUID householdId,
                               MunicipalityCode municipality,
                               List<Member> members,
                               Payee payee,
                               long rentOre,
                               Payee landlord,
                               boolean rentToLandlord,
                               long electricityOre,
                               long homeInsuranceOre,
                               boolean longTerm) {

    public PlannedHousehold {
        members = List.copyOf(members);
    }

    public record Member(PersonalIdentityNumber number, MemberRole role) {
    }

    int adults() {
        return (int) members.stream().filter(member -> member.role() != MemberRole.CHILD).count();
    }
}
