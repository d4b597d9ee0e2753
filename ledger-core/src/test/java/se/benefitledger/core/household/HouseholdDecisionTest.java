package se.benefitledger.core.household;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.benefitledger.core.Examples;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.IncomeLine;
import se.benefitledger.core.decision.IncomeType;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Decisions are made through the household, which must be ACTIVE. */
class HouseholdDecisionTest {

    private static final MunicipalityCode TROSA = MunicipalityCode.of("0488");
    private static final BenefitMonth MARCH = BenefitMonth.of(2021, 3);
    private final UUID householdId = UUID.randomUUID();
    private final UUID decisionId = UUID.randomUUID();
    private final HouseholdRegisteredEvent registered = new HouseholdRegisteredEvent(householdId, TROSA,
            List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1981, 12, 18))));
    private final List<DecisionLine> lines = List.of(new DecisionLine(LineType.NORM, Money.parse("5220.00")),
            new DecisionLine(LineType.RENT, Money.parse("6100.00")));
    private FixtureConfiguration<Household> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
    }

    @Test
    void approvesCostsLessIncomes() {
        var incomes = List.of(new IncomeLine(IncomeType.WAGES, Money.parse("1500.00")));
        fixture.given(registered)
               .when(new MakeDecisionCommand(householdId, decisionId, MARCH, DecisionOutcome.GRANTED, LegalBasis.SOL_2025_12_1, lines, incomes, Examples.DECIDED))
               .expectEvents(new DecisionMadeEvent(decisionId, householdId, TROSA, MARCH, DecisionOutcome.GRANTED, LegalBasis.SOL_2025_12_1,
                       lines, incomes, Money.parse("9820.00"), Examples.DECIDED));
    }

    @Test
    void approvesNothingWhenIncomesExceedCosts() {
        var incomes = List.of(new IncomeLine(IncomeType.BENEFITS, Money.parse("20000.00")));
        fixture.given(registered)
               .when(new MakeDecisionCommand(householdId, decisionId, MARCH, DecisionOutcome.PARTIALLY_GRANTED, LegalBasis.SOL_2025_12_1,
                       lines, incomes, Examples.DECIDED))
               .expectEvents(new DecisionMadeEvent(decisionId, householdId, TROSA, MARCH, DecisionOutcome.PARTIALLY_GRANTED,
                       LegalBasis.SOL_2025_12_1, lines, incomes, Money.ZERO, Examples.DECIDED));
    }

    @Test
    void approvesNothingForARejectedApplication() {
        fixture.given(registered)
               .when(new MakeDecisionCommand(householdId, decisionId, MARCH, DecisionOutcome.REJECTED, LegalBasis.SOL_2001_4_1, lines, List.of(), Examples.DECIDED))
               .expectEvents(new DecisionMadeEvent(decisionId, householdId, TROSA, MARCH, DecisionOutcome.REJECTED, LegalBasis.SOL_2001_4_1,
                       lines, List.of(), Money.ZERO, Examples.DECIDED));
    }

    @Test
    void refusesADecisionForAClosedHousehold() {
        fixture.given(registered, new HouseholdClosedEvent(householdId, TROSA, ClosureReason.MOVED, BenefitMonth.of(2021, 2)))
               .when(new MakeDecisionCommand(householdId, decisionId, MARCH, DecisionOutcome.GRANTED, LegalBasis.SOL_2025_12_1, lines, List.of(), Examples.DECIDED))
               .expectException(StateConflict.class)
               .expectExceptionMessage("household " + householdId + " is CLOSED; only an ACTIVE household can receive a decision")
               .expectNoEvents();
    }
}
