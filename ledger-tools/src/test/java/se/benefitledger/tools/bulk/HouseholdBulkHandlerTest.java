package se.benefitledger.tools.bulk;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.LedgerScenario;
import se.benefitledger.core.decision.DecisionAmountReservedEvent;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.decision.MakeDecisionCommand;
import se.benefitledger.core.decision.SchedulePaymentCommand;
import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.household.HouseholdClosedEvent;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.household.RegisterHouseholdCommand;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.benefitledger.core.Examples.DECIDED;
import static se.benefitledger.core.Examples.TROSA;

/** Bulk commands run every part through the aggregates' own rules, and stand or fall together. */
class HouseholdBulkHandlerTest {

    private static final BenefitMonth MAY = BenefitMonth.of(2025, 5);
    private static final LocalDate DUE = LocalDate.of(2025, 4, 25);
    private final LedgerScenario ledger = LedgerScenario.start(new HouseholdBulkCommands()::configureModule);
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();
    private final UUID payee = UUID.randomUUID();

    @Test
    void registersEveryHousehold() {
        var one = applicant(first);
        var two = applicant(second);
        ledger.when(new RegisterHouseholdsCommand(List.of(one, two)))
              .expectEvents(new HouseholdRegisteredEvent(first, TROSA, one.members()), new HouseholdRegisteredEvent(second, TROSA, two.members()));
    }

    @Test
    void registersNoneWhenOneBreaksTheRules() {
        var withoutApplicant = new RegisterHouseholdCommand(second, TROSA,
                List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.CHILD, LocalDate.of(2015, 1, 1))));
        ledger.when(new RegisterHouseholdsCommand(List.of(applicant(first), withoutApplicant)))
              .expectException(BusinessRuleViolation.class, "a household has exactly one APPLICANT, not 0");
    }

    @Test
    void makesTheDecisionsThenSchedulesTheirPayments() {
        registered(first, second);
        UUID firstDecision = UUID.randomUUID();
        UUID secondDecision = UUID.randomUUID();
        UUID firstPayment = UUID.randomUUID();
        UUID secondPayment = UUID.randomUUID();
        var outcome = ledger.when(new DecideInBulkCommand(List.of(decision(first, firstDecision, "9000.00"), decision(second, secondDecision, "7000.00")),
                List.of(payment(firstDecision, firstPayment, "9000.00"), payment(secondDecision, secondPayment, "6500.00"))));
        outcome.expectEvents(made(first, firstDecision, "9000.00"), made(second, secondDecision, "7000.00"),
                new DecisionAmountReservedEvent(firstDecision, firstPayment, Money.parse("9000.00")), scheduled(first, firstDecision, firstPayment, "9000.00"),
                new DecisionAmountReservedEvent(secondDecision, secondPayment, Money.parse("6500.00")),
                scheduled(second, secondDecision, secondPayment, "6500.00"));
    }

    @Test
    void schedulesPaymentsOfEarlierDecisions() {
        registered(first);
        UUID decisionId = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        ledger.given("Decision", decisionId, made(first, decisionId, "9000.00"))
              .when(new DecideInBulkCommand(List.of(), List.of(payment(decisionId, paymentId, "4000.00"))))
              .expectEvents(new DecisionAmountReservedEvent(decisionId, paymentId, Money.parse("4000.00")),
                      scheduled(first, decisionId, paymentId, "4000.00"));
    }

    @Test
    void keepsEveryPaymentWithinItsDecisionOrStoresNothing() {
        registered(first);
        UUID decisionId = UUID.randomUUID();
        ledger.when(new DecideInBulkCommand(List.of(decision(first, decisionId, "9000.00")),
                      List.of(payment(decisionId, UUID.randomUUID(), "6000.00"), payment(decisionId, UUID.randomUUID(), "3000.01"))))
              .expectException(BusinessRuleViolation.class, "may not exceed its approved amount 9000.00");
    }

    @Test
    void decidesOnlyForActiveHouseholds() {
        registered(first);
        ledger.given("Household", first, new HouseholdClosedEvent(first, TROSA, ClosureReason.MOVED, MAY));
        ledger.when(new DecideInBulkCommand(List.of(decision(first, UUID.randomUUID(), "9000.00")), List.of()))
              .expectException(StateConflict.class, "only an ACTIVE household can receive a decision");
    }

    @Test
    void announcesTheHouseholdsAndEarlierDecisionsItLoads() {
        UUID made = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        var command = new DecideInBulkCommand(List.of(decision(first, made, "100.00"), decision(second, UUID.randomUUID(), "100.00")),
                List.of(payment(made, UUID.randomUUID(), "100.00"), payment(earlier, UUID.randomUUID(), "1.00")));
        assertThat(command.aggregateIdentifiers()).containsExactly(first, second, earlier);
    }

    private void registered(UUID... households) {
        for (UUID household : households) {
            ledger.given("Household", household, new HouseholdRegisteredEvent(household, TROSA, applicant(household).members()));
        }
    }

    private static RegisterHouseholdCommand applicant(UUID householdId) {
        return new RegisterHouseholdCommand(householdId, TROSA, List.of(new HouseholdMember(
                UUID.nameUUIDFromBytes(householdId.toString().getBytes()), MemberRole.APPLICANT, LocalDate.of(1980, 1, 1))));
    }

    private static MakeDecisionCommand decision(UUID householdId, UUID decisionId, String norm) {
        return new MakeDecisionCommand(householdId, decisionId, MAY, DecisionOutcome.GRANTED, LegalBasis.SOL_2001_4_1,
                List.of(new DecisionLine(LineType.NORM, Money.parse(norm))), List.of(), DECIDED);
    }

    private static DecisionMadeEvent made(UUID householdId, UUID decisionId, String norm) {
        return new DecisionMadeEvent(decisionId, householdId, TROSA, MAY, DecisionOutcome.GRANTED, LegalBasis.SOL_2001_4_1,
                List.of(new DecisionLine(LineType.NORM, Money.parse(norm))), List.of(), Money.parse(norm), DECIDED);
    }

    private SchedulePaymentCommand payment(UUID decisionId, UUID paymentId, String amount) {
        return new SchedulePaymentCommand(decisionId, paymentId, Money.parse(amount), DUE, PayeeType.HOUSEHOLD, payee, null);
    }

    private PaymentScheduledEvent scheduled(UUID householdId, UUID decisionId, UUID paymentId, String amount) {
        return new PaymentScheduledEvent(paymentId, decisionId, householdId, TROSA, MAY, LegalBasis.SOL_2001_4_1, Money.parse(amount), DUE,
                PayeeType.HOUSEHOLD, payee, null);
    }
}
