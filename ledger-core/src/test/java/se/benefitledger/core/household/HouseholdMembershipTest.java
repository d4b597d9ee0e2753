package se.benefitledger.core.household;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Members join and leave by month; the rules of registration hold in every month. */
class HouseholdMembershipTest {

    private static final MunicipalityCode TROSA = MunicipalityCode.of("0488");
    private static final BenefitMonth MARCH = BenefitMonth.of(2021, 3);
    private static final BenefitMonth JULY = BenefitMonth.of(2021, 7);
    private final UUID householdId = UUID.randomUUID();
    private final HouseholdMember applicant = member(MemberRole.APPLICANT, LocalDate.of(1981, 12, 18));
    private final HouseholdMember partner = member(MemberRole.CO_APPLICANT, LocalDate.of(1983, 5, 2));
    private final HouseholdMember baby = member(MemberRole.CHILD, LocalDate.of(2021, 2, 14));
    private FixtureConfiguration<Household> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
    }

    @Test
    void aChildJoinsFromItsFirstMonth() {
        fixture.given(registered(applicant))
               .when(new AddMemberCommand(householdId, baby, MARCH, null))
               .expectEvents(new MemberJoinedEvent(householdId, TROSA, baby, MARCH));
    }

    @Test
    void aCoApplicantLeavesAndAnotherJoinsFromTheDepartureMonth() {
        var next = member(MemberRole.CO_APPLICANT, LocalDate.of(1990, 1, 1));
        fixture.given(registered(applicant, partner), new MemberDepartedEvent(householdId, TROSA, partner.personId(), JULY))
               .when(new AddMemberCommand(householdId, next, JULY, null))
               .expectEvents(new MemberJoinedEvent(householdId, TROSA, next, JULY));
    }

    @Test
    void refusesASecondCoApplicantInAnyMonth() {
        var next = member(MemberRole.CO_APPLICANT, LocalDate.of(1990, 1, 1));
        fixture.given(registered(applicant, partner), new MemberDepartedEvent(householdId, TROSA, partner.personId(), JULY))
               .when(new AddMemberCommand(householdId, next, MARCH, null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a household has at most one CO_APPLICANT; household " + householdId + " has one in 2021-03")
               .expectNoEvents();
    }

    @Test
    void refusesASecondApplicant() {
        fixture.given(registered(applicant))
               .when(new AddMemberCommand(householdId, member(MemberRole.APPLICANT, LocalDate.of(1970, 1, 1)), MARCH, null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void refusesAPersonWhoIsAlreadyAMember() {
        var sameAgain = new HouseholdMember(baby.personId(), MemberRole.CHILD, baby.birthDate());
        fixture.given(registered(applicant), new MemberJoinedEvent(householdId, TROSA, baby, MARCH))
               .when(new AddMemberCommand(householdId, sameAgain, JULY, null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void aMemberWhoLeftMayComeBackAfterwards() {
        fixture.given(registered(applicant, partner), new MemberDepartedEvent(householdId, TROSA, partner.personId(), MARCH))
               .when(new AddMemberCommand(householdId, partner, JULY, null))
               .expectEvents(new MemberJoinedEvent(householdId, TROSA, partner, JULY));
    }

    @Test
    void recordsADeparture() {
        fixture.given(registered(applicant, partner))
               .when(new RecordDepartureCommand(householdId, partner.personId(), JULY, null))
               .expectEvents(new MemberDepartedEvent(householdId, TROSA, partner.personId(), JULY));
    }

    @Test
    void theApplicantCannotLeave() {
        fixture.given(registered(applicant, partner))
               .when(new RecordDepartureCommand(householdId, applicant.personId(), JULY, null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a household has exactly one APPLICANT, who cannot leave it; close household " + householdId + " instead")
               .expectNoEvents();
    }

    @Test
    void aJoinerLeavesAfterTheMonthTheyJoined() {
        fixture.given(registered(applicant), new MemberJoinedEvent(householdId, TROSA, baby, JULY))
               .when(new RecordDepartureCommand(householdId, baby.personId(), JULY, null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("person " + baby.personId() + " is a member from 2021-07; the departure month must come after it")
               .expectNoEvents();
    }

    @Test
    void aMemberLeavesOnlyOnce() {
        fixture.given(registered(applicant, partner), new MemberDepartedEvent(householdId, TROSA, partner.personId(), MARCH))
               .when(new RecordDepartureCommand(householdId, partner.personId(), JULY, null))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    @Test
    void aStrangerCannotLeave() {
        fixture.given(registered(applicant))
               .when(new RecordDepartureCommand(householdId, UUID.randomUUID(), JULY, null))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void aClosedHouseholdAcceptsNoMemberChange() {
        var closed = new HouseholdClosedEvent(householdId, TROSA, ClosureReason.MOVED, JULY);
        fixture.given(registered(applicant, partner), closed)
               .when(new AddMemberCommand(householdId, baby, JULY, null))
               .expectException(StateConflict.class)
               .expectExceptionMessage("household " + householdId + " is CLOSED; only an ACTIVE household can change its members")
               .expectNoEvents();
        fixture.given(registered(applicant, partner), closed)
               .when(new RecordDepartureCommand(householdId, partner.personId(), JULY, null))
               .expectException(StateConflict.class)
               .expectNoEvents();
    }

    private HouseholdRegisteredEvent registered(HouseholdMember... members) {
        return new HouseholdRegisteredEvent(householdId, TROSA, List.of(members));
    }

    private static HouseholdMember member(MemberRole role, LocalDate birthDate) {
        return new HouseholdMember(UUID.randomUUID(), role, birthDate);
    }
}
