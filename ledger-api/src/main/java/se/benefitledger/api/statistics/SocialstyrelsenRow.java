package se.benefitledger.api.statistics;

import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdType;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.PersonalIdentityNumber;
import se.benefitledger.projections.statistics.ExtractHousehold;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the monthly extract to Socialstyrelsen: the extract's layout, in this one place. The
 * columns are this record's components, in order (docs/statistics.md describes them); the official
 * layout is not confirmed, and following it means changing this record only.
 *
 * @param applicant   twelve digits, empty when the person's data has been erased
 * @param coApplicant twelve digits, empty without a co-applicant in the month (or when erased)
 */
record SocialstyrelsenRow(String municipality, String benefitMonth, UUID householdId, String applicant, String coApplicant, int householdType,
                          int adults, int children, Money amountSol12_1, Money amountSol12_2) {

    static SocialstyrelsenRow of(MunicipalityCode municipality, YearMonth month, ExtractHousehold household,
                                 Map<UUID, PersonalIdentityNumber> numbers) {
        var applicant = number(household, MemberRole.APPLICANT, numbers);
        var coApplicant = number(household, MemberRole.CO_APPLICANT, numbers);
        int adults = (int) household.members().stream().filter(member -> member.adultIn(month)).count();
        return new SocialstyrelsenRow(municipality.code(), month.toString(), household.householdId(),
                applicant.map(PersonalIdentityNumber::digits).orElse(""), coApplicant.map(PersonalIdentityNumber::digits).orElse(""),
                HouseholdType.of(household.members(), month, applicant.map(PersonalIdentityNumber::sex).orElse(null)),
                adults, household.members().size() - adults, household.subsistence(), household.beyondEntitlement());
    }

    private static Optional<PersonalIdentityNumber> number(ExtractHousehold household, MemberRole role, Map<UUID, PersonalIdentityNumber> numbers) {
        return household.members().stream().filter(member -> member.role() == role).map(HouseholdMember::personId).findFirst().map(numbers::get);
    }
}
