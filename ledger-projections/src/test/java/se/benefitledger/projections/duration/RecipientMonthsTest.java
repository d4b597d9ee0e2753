package se.benefitledger.projections.duration;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.MemberRole;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientMonthsTest {

    private final RecipientMonths recipients = new RecipientMonths();

    @Test
    void anAdultPaidInTwoHouseholdsOfTheYearIsOneLongTermAdult() {
        UUID person = UUID.randomUUID();
        for (int month = 1; month <= 6; month++) {
            recipients.add(new HouseholdMember(person, MemberRole.APPLICANT, LocalDate.of(1980, 1, 1)), YearMonth.of(2021, month));
        }
        for (int month = 7; month <= 12; month++) {
            recipients.add(new HouseholdMember(person, MemberRole.CO_APPLICANT, LocalDate.of(1980, 1, 1)), YearMonth.of(2021, month));
        }

        assertThat(recipients.adults().buckets()).containsEntry("10-12", 1L).containsEntry("4-6", 0L);
        assertThat(recipients.adults().total()).isEqualTo(1);
        assertThat(recipients.adults().longTerm()).isEqualTo(1);
        assertThat(recipients.children().total()).isZero();
    }

    @Test
    void aMonthInTwoHouseholdsCountsOnce() {
        var member = new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1));
        recipients.add(member, YearMonth.of(2021, 3));
        recipients.add(new HouseholdMember(member.personId(), MemberRole.CO_APPLICANT, member.birthDate()), YearMonth.of(2021, 3));

        assertThat(recipients.adults().buckets()).containsEntry("1-3", 1L);
        assertThat(recipients.adults().total()).isOne();
    }

    @Test
    void aChildTurning18HasChildMonthsThenAdultMonths() {
        var child = new HouseholdMember(UUID.randomUUID(), MemberRole.CHILD, LocalDate.of(2003, 4, 30));
        for (int month = 1; month <= 12; month++) {
            recipients.add(child, YearMonth.of(2021, month));
        }

        assertThat(recipients.children().buckets()).containsEntry("1-3", 1L);
        assertThat(recipients.adults().buckets()).as("18 at the end of April: adult from April").containsEntry("7-9", 1L);
    }

    @Test
    void anAdultInOneHouseholdAndAChildInAnotherThatMonthIsAnAdult() {
        UUID person = UUID.randomUUID();
        LocalDate birth = LocalDate.of(2005, 1, 1);
        recipients.add(new HouseholdMember(person, MemberRole.CHILD, birth), YearMonth.of(2021, 5));
        recipients.add(new HouseholdMember(person, MemberRole.APPLICANT, birth), YearMonth.of(2021, 5));

        assertThat(recipients.adults().total()).isOne();
        assertThat(recipients.children().total()).isZero();
    }
}
