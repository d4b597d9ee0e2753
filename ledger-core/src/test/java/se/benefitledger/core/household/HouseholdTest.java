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

class HouseholdTest {

    private static final MunicipalityCode TROSA = MunicipalityCode.of("0488");
    private final UUID householdId = UUID.randomUUID();
    private final HouseholdMember applicant = member(MemberRole.APPLICANT, LocalDate.of(1981, 12, 18));
    private final HouseholdMember child = member(MemberRole.CHILD, LocalDate.of(2015, 1, 1));
    private FixtureConfiguration<Household> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
    }

    @Test
    void registersAHouseholdWithItsMembers() {
        fixture.givenNoPriorActivity()
               .when(new RegisterHouseholdCommand(householdId, TROSA, List.of(applicant, child)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new HouseholdRegisteredEvent(householdId, TROSA, List.of(applicant, child)));
    }

    @Test
    void rejectsAHouseholdWithoutAnApplicant() {
        fixture.givenNoPriorActivity()
               .when(new RegisterHouseholdCommand(householdId, TROSA, List.of(child)))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a household has exactly one APPLICANT, not 0")
               .expectNoEvents();
    }

    @Test
    void rejectsTwoApplicantsAndTwoCoApplicants() {
        var coApplicant = member(MemberRole.CO_APPLICANT, LocalDate.of(1985, 1, 1));
        var secondCoApplicant = member(MemberRole.CO_APPLICANT, LocalDate.of(1986, 1, 1));
        fixture.givenNoPriorActivity()
               .when(new RegisterHouseholdCommand(householdId, TROSA,
                       List.of(applicant, member(MemberRole.APPLICANT, LocalDate.of(1990, 1, 1)), coApplicant, secondCoApplicant)))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a household has exactly one APPLICANT, not 2; a household has at most one CO_APPLICANT, not 2")
               .expectNoEvents();
    }

    @Test
    void rejectsTheSamePersonTwice() {
        var samePersonAsChild = new HouseholdMember(applicant.personId(), MemberRole.CHILD, applicant.birthDate());
        fixture.givenNoPriorActivity()
               .when(new RegisterHouseholdCommand(householdId, TROSA, List.of(applicant, samePersonAsChild)))
               .expectException(BusinessRuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void closesAnActiveHousehold() {
        var closure = new CloseHouseholdCommand(householdId, ClosureReason.SELF_SUPPORTING, BenefitMonth.of(2021, 12), null);
        fixture.given(new HouseholdRegisteredEvent(householdId, TROSA, List.of(applicant)))
               .when(closure)
               .expectEvents(new HouseholdClosedEvent(householdId, TROSA, ClosureReason.SELF_SUPPORTING, BenefitMonth.of(2021, 12)));
    }

    @Test
    void refusesToCloseAClosedHousehold() {
        fixture.given(new HouseholdRegisteredEvent(householdId, TROSA, List.of(applicant)),
                      new HouseholdClosedEvent(householdId, TROSA, ClosureReason.MOVED, BenefitMonth.of(2021, 6)))
               .when(new CloseHouseholdCommand(householdId, ClosureReason.OTHER, BenefitMonth.of(2021, 7), null))
               .expectException(StateConflict.class)
               .expectExceptionMessage("household " + householdId + " is CLOSED; only an ACTIVE household can close it")
               .expectNoEvents();
    }

    private static HouseholdMember member(MemberRole role, LocalDate birthDate) {
        return new HouseholdMember(UUID.randomUUID(), role, birthDate);
    }
}
