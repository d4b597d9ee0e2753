package se.benefitledger.projections.spend;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberJoinedEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MemberStaysTest {

    private static final UUID HOUSEHOLD = UUID.randomUUID();

    @Test
    void aChildIsAnAdultFromTheMonthItTurns18AsTheDomainRuleSays() {
        for (LocalDate birth = LocalDate.of(2003, 1, 1); birth.isBefore(LocalDate.of(2005, 1, 1)); birth = birth.plusDays(1)) {
            var child = new HouseholdMember(UUID.randomUUID(), MemberRole.CHILD, birth);
            YearMonth adultFrom = child.adultFrom();
            for (YearMonth month = YearMonth.of(2020, 6); month.isBefore(YearMonth.of(2023, 6)); month = month.plusMonths(1)) {
                // domain.md §9.4: 18 years old at the end of the month
                assertThat(!month.isBefore(adultFrom)).as(birth + " in " + month).isEqualTo(!birth.plusYears(18).isAfter(month.atEndOfMonth()));
                assertThat(child.adultIn(month)).as(birth + " in " + month).isEqualTo(!month.isBefore(adultFrom));
            }
        }
    }

    @Test
    void aChildBornOnALeapDayIs18FromFebruary() {
        var child = new HouseholdMember(UUID.randomUUID(), MemberRole.CHILD, LocalDate.of(2004, 2, 29));

        assertThat(child.adultFrom()).isEqualTo(YearMonth.of(2022, 2));
    }

    @Test
    void applicantsAndCoApplicantsAreAdultsInEveryMonthWhateverTheirAge() {
        var young = LocalDate.of(2008, 5, 5);

        assertThat(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, young).adultFrom()).isNull();
        assertThat(new HouseholdMember(UUID.randomUUID(), MemberRole.CO_APPLICANT, young).adultFrom()).isNull();
    }

    @Test
    void foundersAreMembersFromTheStartAndAJoinedMemberFromTheMonthTheyJoin() {
        var applicant = new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1));
        var child = new HouseholdMember(UUID.randomUUID(), MemberRole.CHILD, LocalDate.of(2010, 7, 31));
        var municipality = MunicipalityCode.of("0180");

        assertThat(MemberStays.of(new HouseholdRegisteredEvent(HOUSEHOLD, municipality, List.of(applicant, child)))).containsExactly(
                new MemberStays.Stay(HOUSEHOLD, applicant.personId(), null, null),
                new MemberStays.Stay(HOUSEHOLD, child.personId(), null, YearMonth.of(2028, 7)));
        assertThat(MemberStays.of(new MemberJoinedEvent(HOUSEHOLD, municipality, child, new BenefitMonth(YearMonth.of(2021, 3)))))
                .isEqualTo(new MemberStays.Stay(HOUSEHOLD, child.personId(), YearMonth.of(2021, 3), YearMonth.of(2028, 7)));
    }
}
