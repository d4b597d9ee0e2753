package se.benefitledger.projections.spend;

import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberJoinedEvent;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The members' stays in households that the monthly-spend projection counts persons by
 * (domain.md §9.4), from the membership events. Pure: the projection only writes what this answers.
 */
final class MemberStays {

    /**
     * A member of the household from {@code from} (null: a founder, from the start) on, an adult
     * from {@code adultFrom} (null: in every month).
     */
    record Stay(UUID householdId, UUID personId, YearMonth from, YearMonth adultFrom) {
    }

    private MemberStays() {
    }

    static List<Stay> of(HouseholdRegisteredEvent event) {
        return event.members().stream().map(member -> stay(event.householdId(), member, null)).toList();
    }

    static Stay of(MemberJoinedEvent event) {
        return stay(event.householdId(), event.member(), event.fromMonth().value());
    }

    private static Stay stay(UUID householdId, HouseholdMember member, YearMonth from) {
        return new Stay(householdId, member.personId(), from, member.adultFrom());
    }
}
