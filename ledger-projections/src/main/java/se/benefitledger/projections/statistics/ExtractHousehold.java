package se.benefitledger.projections.statistics;

import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.shared.Money;

import java.util.List;
import java.util.UUID;

/**
 * A household with an assistance month: its members in that month, and what was paid for the month
 * (executed, not returned) under 12 kap. 1 § (old 4 kap. 1 §) and 12 kap. 2 § (old 4 kap. 2 §).
 */
public record ExtractHousehold(UUID householdId, List<HouseholdMember> members, Money subsistence, Money beyondEntitlement) {

    public ExtractHousehold {
        members = List.copyOf(members);
    }
}
