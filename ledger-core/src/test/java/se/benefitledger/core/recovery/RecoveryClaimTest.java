package se.benefitledger.core.recovery;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

class RecoveryClaimTest {

    private static final MunicipalityCode VASTERAS = MunicipalityCode.of("1980");
    private final UUID claimId = UUID.randomUUID();
    private final UUID householdId = UUID.randomUUID();
    private final RecoveryClaimDecidedEvent decided = new RecoveryClaimDecidedEvent(claimId, householdId, VASTERAS,
            List.of(new ClaimedPayment(UUID.randomUUID(), Money.parse("4000.00"), BenefitMonth.of(2021, 3), LocalDate.of(2021, 2, 25))),
            Money.parse("4000.00"), RecoveryGround.INCORRECT_INFORMATION, LocalDate.of(2021, 6, 10), LawRegime.SOL_2001,
            LocalDate.of(2024, 2, 25));
    private FixtureConfiguration<RecoveryClaim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RecoveryClaim.class);
    }

    @Test
    void aRepaymentReducesWhatIsOutstanding() {
        fixture.given(decided)
               .when(new RecordRepaymentCommand(claimId, Money.parse("500.00"), LocalDate.of(2021, 7, 1), null))
               .expectEvents(new RepaymentReceivedEvent(claimId, householdId, VASTERAS, Money.parse("500.00"), LocalDate.of(2021, 7, 1),
                       Money.parse("3500.00")));
    }

    @Test
    void theClaimClosesAtZero() {
        fixture.given(decided, new RepaymentReceivedEvent(claimId, householdId, VASTERAS, Money.parse("3000.00"), LocalDate.of(2021, 7, 1),
                       Money.parse("1000.00")))
               .when(new WaiveClaimCommand(claimId, Money.parse("1000.00"), "would leave the debtor without means", null))
               .expectEvents(new ClaimWaivedEvent(claimId, householdId, VASTERAS, Money.parse("1000.00"), "would leave the debtor without means",
                       Money.ZERO), new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS));
    }

    @Test
    void aWriteOffReducesWhatIsOutstanding() {
        fixture.given(decided)
               .when(new WriteOffClaimCommand(claimId, Money.parse("4000.00"), "debtor deceased", null))
               .expectEvents(new ClaimWrittenOffEvent(claimId, householdId, VASTERAS, Money.parse("4000.00"), "debtor deceased", Money.ZERO),
                       new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS));
    }

    @Test
    void nothingMayReduceTheClaimBelowZero() {
        fixture.given(decided)
               .when(new RecordRepaymentCommand(claimId, Money.parse("4000.01"), LocalDate.of(2021, 7, 1), null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a repayment of 4000.01 is more than the 4000.00 outstanding on claim " + claimId)
               .expectNoEvents();
    }

    @Test
    void aClosedClaimTakesNoMoreReductions() {
        fixture.given(decided, new RepaymentReceivedEvent(claimId, householdId, VASTERAS, Money.parse("4000.00"), LocalDate.of(2021, 7, 1), Money.ZERO),
                      new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS))
               .when(new WriteOffClaimCommand(claimId, Money.parse("0.01"), "rounding", null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a write-off of 0.01 is more than the 0.00 outstanding on claim " + claimId)
               .expectNoEvents();
    }

    @Test
    void reductionsMustBePositive() {
        fixture.given(decided)
               .when(new WaiveClaimCommand(claimId, Money.ZERO, "nothing", null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a waiver must be more than 0.00");
    }
}
