package se.benefitledger.core.household;

import se.benefitledger.core.shared.Sex;

import java.time.YearMonth;
import java.util.Collection;

/**
 * Socialstyrelsen's household type (hushållstyp) of a household in one month, from its members in
 * that month (domain.md §2.1): 1 only children under 18, 3/4 single man without/with children,
 * 5/6 single woman without/with children, 7/8 cohabiting couple (applicant and co-applicant)
 * without/with children, 9 unknown. Children are members who do not count as adults
 * ({@link HouseholdMember#adultIn}). Type 2 is not in the published variable list and is never given.
 */
public final class HouseholdType {

    public static final int ONLY_CHILDREN = 1;
    public static final int UNKNOWN = 9;

    private HouseholdType() {
    }

    /**
     * @param members      the household's members in {@code month}
     * @param applicantSex the applicant's sex, {@code null} when not known (type 9 for a single applicant)
     */
    public static int of(Collection<HouseholdMember> members, YearMonth month, Sex applicantSex) {
        if (members.isEmpty()) {
            return UNKNOWN;
        }
        if (members.stream().allMatch(member -> member.birthDate().plusYears(18).isAfter(month.atEndOfMonth()))) {
            return ONLY_CHILDREN;
        }
        boolean children = members.stream().anyMatch(member -> !member.adultIn(month));
        if (members.stream().anyMatch(member -> member.role() == MemberRole.CO_APPLICANT)) {
            return children ? 8 : 7;
        }
        if (applicantSex == null || members.stream().noneMatch(member -> member.role() == MemberRole.APPLICANT)) {
            return UNKNOWN;
        }
        return switch (applicantSex) {
            case MALE -> children ? 4 : 3;
            case FEMALE -> children ? 6 : 5;
        };
    }
}
