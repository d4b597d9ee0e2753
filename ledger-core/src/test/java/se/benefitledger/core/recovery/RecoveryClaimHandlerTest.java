package se.benefitledger.core.recovery;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.Examples;
import se.benefitledger.core.LedgerScenario;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionMadeEvent;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.LineType;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.payment.ErroneousAmountClaimedEvent;
import se.benefitledger.core.payment.ErroneousPaymentCause;
import se.benefitledger.core.payment.PaymentFoundErroneousEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.StateConflict;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static se.benefitledger.core.Examples.MARCH;
import static se.benefitledger.core.Examples.TROSA;

class RecoveryClaimHandlerTest {

    private static final LocalDate DECIDED = LocalDate.of(2021, 6, 10);
    private final Examples example = new Examples();
    private final UUID claimId = UUID.randomUUID();
    private final UUID march = UUID.randomUUID();
    private final UUID april = UUID.randomUUID();
    private final UUID batchId = UUID.randomUUID();
    private final LedgerScenario ledger = LedgerScenario.start()
            .given("Household", example.householdId, new HouseholdRegisteredEvent(example.householdId, TROSA,
                    List.of(new HouseholdMember(UUID.randomUUID(), MemberRole.APPLICANT, LocalDate.of(1981, 12, 18)))));

    @Test
    void takesThePrincipalFromThePaymentsErroneousAmountsInOrder() {
        executedAndErroneous(march, MARCH, LocalDate.of(2021, 2, 25), "8000.00", "3000.00");
        executedAndErroneous(april, BenefitMonth.of(2021, 4), LocalDate.of(2021, 3, 25), "8000.00", "2000.00");

        ledger.when(claim("4000.00", march, april))
              .expectEvents(new ErroneousAmountClaimedEvent(march, claimId, Money.parse("3000.00")),
                      new ErroneousAmountClaimedEvent(april, claimId, Money.parse("1000.00")),
                      new RecoveryClaimDecidedEvent(claimId, example.householdId, TROSA, List.of(
                              new ClaimedPayment(march, Money.parse("3000.00"), MARCH, LocalDate.of(2021, 2, 25), LawRegime.SOL_2001,
                                      LocalDate.of(2024, 2, 25)),
                              new ClaimedPayment(april, Money.parse("1000.00"), BenefitMonth.of(2021, 4), LocalDate.of(2021, 3, 25),
                                      LawRegime.SOL_2001, LocalDate.of(2024, 3, 25))),
                              Money.parse("4000.00"), RecoveryGround.INCORRECT_INFORMATION, DECIDED, LawRegime.SOL_2001, LocalDate.of(2024, 2, 25)));
    }

    /** The transitional rule looks at when the assistance was granted, not at the month it was for. */
    @Test
    void decisionsFromJuly2025FallUnderTheNewLawWhateverTheirMonth() {
        executedAndErroneous(march, BenefitMonth.of(2025, 7), LocalDate.of(2025, 6, 25), "8000.00", "1000.00", LocalDate.of(2025, 6, 30));
        executedAndErroneous(april, BenefitMonth.of(2025, 6), LocalDate.of(2025, 7, 3), "8000.00", "1000.00", LocalDate.of(2025, 7, 1));

        ledger.when(claim("2000.00", march, april))
              .expectEvents(new ErroneousAmountClaimedEvent(march, claimId, Money.parse("1000.00")),
                      new ErroneousAmountClaimedEvent(april, claimId, Money.parse("1000.00")),
                      new RecoveryClaimDecidedEvent(claimId, example.householdId, TROSA, List.of(
                              new ClaimedPayment(march, Money.parse("1000.00"), BenefitMonth.of(2025, 7), LocalDate.of(2025, 6, 25),
                                      LawRegime.SOL_2001, LocalDate.of(2028, 6, 25)),
                              new ClaimedPayment(april, Money.parse("1000.00"), BenefitMonth.of(2025, 6), LocalDate.of(2025, 7, 3),
                                      LawRegime.SOL_2025, LocalDate.of(2028, 7, 3))),
                              Money.parse("2000.00"), RecoveryGround.INCORRECT_INFORMATION, DECIDED, LawRegime.MIXED, LocalDate.of(2028, 6, 25)));
    }

    @Test
    void aClaimOnlyOverNewLawDecisionsIsUnderTheNewLaw() {
        executedAndErroneous(march, BenefitMonth.of(2025, 8), LocalDate.of(2025, 7, 25), "8000.00", "1000.00", LocalDate.of(2025, 7, 20));

        ledger.when(claim("1000.00", march))
              .expectEvents(new ErroneousAmountClaimedEvent(march, claimId, Money.parse("1000.00")),
                      new RecoveryClaimDecidedEvent(claimId, example.householdId, TROSA, List.of(
                              new ClaimedPayment(march, Money.parse("1000.00"), BenefitMonth.of(2025, 8), LocalDate.of(2025, 7, 25),
                                      LawRegime.SOL_2025, LocalDate.of(2028, 7, 25))),
                              Money.parse("1000.00"), RecoveryGround.INCORRECT_INFORMATION, DECIDED, LawRegime.SOL_2025, LocalDate.of(2028, 7, 25)));
    }

    @Test
    void refusesAPrincipalAboveTheUnclaimedErroneousAmounts() {
        executedAndErroneous(march, MARCH, LocalDate.of(2021, 2, 25), "8000.00", "3000.00");
        ledger.given("Payment", march, new ErroneousAmountClaimedEvent(march, UUID.randomUUID(), Money.parse("2500.00")));

        ledger.when(claim("500.01", march))
              .expectException(BusinessRuleViolation.class,
                      "a claim's principal may not exceed the unclaimed erroneous amounts of its payments: principal 500.01, unclaimed erroneous 500.00");
    }

    @Test
    void refusesAPaymentOfAnotherHousehold() {
        UUID otherHousehold = UUID.randomUUID();
        ledger.given("Payment", march, new PaymentScheduledEvent(march, example.decisionId, otherHousehold, TROSA, MARCH, LegalBasis.SOL_2025_12_1,
                              Money.parse("8000.00"), Examples.DUE, se.benefitledger.core.payment.PayeeType.HOUSEHOLD, example.payeeId, null),
                      example.batched(march, batchId),
                      new se.benefitledger.core.payment.PaymentExecutedEvent(march, batchId, otherHousehold, TROSA, MARCH, Money.parse("8000.00"),
                              Examples.DUE),
                      new PaymentFoundErroneousEvent(march, otherHousehold, TROSA, MARCH, Money.parse("100.00"), ErroneousPaymentCause.SUSPECTED_FRAUD,
                              null, Money.parse("100.00")));

        ledger.when(claim("100.00", march))
              .expectException(BusinessRuleViolation.class, "was paid to household " + otherHousehold);
    }

    @Test
    void refusesAPaymentThatWasNeverExecuted() {
        ledger.given("Payment", march, example.scheduled(march, "8000.00"));
        ledger.when(claim("100.00", march))
              .expectException(StateConflict.class, "is SCHEDULED; it must be EXECUTED to be claimed");
    }

    @Test
    void refusesTheSamePaymentTwiceInOneClaim() {
        executedAndErroneous(march, MARCH, LocalDate.of(2021, 2, 25), "8000.00", "3000.00");
        ledger.when(claim("100.00", march, march))
              .expectException(BusinessRuleViolation.class, "a claim links one or more payments, each once");
    }

    private void executedAndErroneous(UUID paymentId, BenefitMonth month, LocalDate executedOn, String amount, String erroneous) {
        executedAndErroneous(paymentId, month, executedOn, amount, erroneous, month.value().atDay(1).minusDays(10));
    }

    private void executedAndErroneous(UUID paymentId, BenefitMonth month, LocalDate executedOn, String amount, String erroneous,
                                      LocalDate decisionDecidedOn) {
        UUID decisionId = UUID.randomUUID();
        ledger.given("Decision", decisionId, new DecisionMadeEvent(decisionId, example.householdId, TROSA, month, DecisionOutcome.GRANTED,
                LegalBasis.SOL_2025_12_1, List.of(new DecisionLine(LineType.NORM, Money.parse(amount))), List.of(), Money.parse(amount),
                decisionDecidedOn));
        ledger.given("Payment", paymentId,
                new PaymentScheduledEvent(paymentId, decisionId, example.householdId, TROSA, month, LegalBasis.SOL_2025_12_1,
                        Money.parse(amount), executedOn, se.benefitledger.core.payment.PayeeType.HOUSEHOLD, example.payeeId, null),
                example.batched(paymentId, batchId),
                new se.benefitledger.core.payment.PaymentExecutedEvent(paymentId, batchId, example.householdId, TROSA, month, Money.parse(amount),
                        executedOn),
                new PaymentFoundErroneousEvent(paymentId, example.householdId, TROSA, month, Money.parse(erroneous),
                        ErroneousPaymentCause.INCORRECT_INFORMATION, null, Money.parse(erroneous)));
    }

    private CreateRecoveryClaimCommand claim(String principal, UUID... payments) {
        return new CreateRecoveryClaimCommand(claimId, example.householdId, List.of(payments), Money.parse(principal),
                RecoveryGround.INCORRECT_INFORMATION, DECIDED);
    }
}
