package se.benefitledger.core.household;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.shared.Sex;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdTypeTest {

    private static final YearMonth MAY = YearMonth.of(2021, 5);
    private final HouseholdMember applicant = member(MemberRole.APPLICANT, LocalDate.of(1981, 12, 18));
    private final HouseholdMember partner = member(MemberRole.CO_APPLICANT, LocalDate.of(1983, 1, 1));
    private final HouseholdMember child = member(MemberRole.CHILD, LocalDate.of(2015, 1, 1));

    @Test
    void singleApplicantsByTheirSexWithAndWithoutChildren() {
        assertThat(HouseholdType.of(List.of(applicant), MAY, Sex.MALE)).isEqualTo(3);
        assertThat(HouseholdType.of(List.of(applicant, child), MAY, Sex.MALE)).isEqualTo(4);
        assertThat(HouseholdType.of(List.of(applicant), MAY, Sex.FEMALE)).isEqualTo(5);
        assertThat(HouseholdType.of(List.of(applicant, child), MAY, Sex.FEMALE)).isEqualTo(6);
    }

    @Test
    void applicantAndCoApplicantAreACouple() {
        assertThat(HouseholdType.of(List.of(applicant, partner), MAY, Sex.FEMALE)).isEqualTo(7);
        assertThat(HouseholdType.of(List.of(applicant, partner, child), MAY, null)).isEqualTo(8);
    }

    @Test
    void onlyMembersUnder18IsType1() {
        var youngApplicant = member(MemberRole.APPLICANT, LocalDate.of(2004, 6, 1));
        assertThat(HouseholdType.of(List.of(youngApplicant), MAY, Sex.MALE)).isEqualTo(1);
    }

    @Test
    void aChildTurning18AtTheEndOfTheMonthIsNoLongerAChild() {
        var turns18InMay = member(MemberRole.CHILD, LocalDate.of(2003, 5, 31));
        assertThat(HouseholdType.of(List.of(applicant, turns18InMay), MAY, Sex.MALE)).isEqualTo(3);
        assertThat(HouseholdType.of(List.of(applicant, turns18InMay), MAY.minusMonths(1), Sex.MALE)).isEqualTo(4);
    }

    @Test
    void aSingleApplicantOfUnknownSexIsUnknown() {
        assertThat(HouseholdType.of(List.of(applicant, child), MAY, null)).isEqualTo(9);
        assertThat(HouseholdType.of(List.of(), MAY, Sex.MALE)).isEqualTo(9);
    }

    private static HouseholdMember member(MemberRole role, LocalDate birthDate) {
        return new HouseholdMember(UUID.randomUUID(), role, birthDate);
    }
}
