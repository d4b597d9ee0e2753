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
    private static final LocalDate JULY = LocalDate.of(2021, 7, 1);
    private static final LocalDate AUGUST = LocalDate.of(2021, 8, 2);
    private final UUID claimId = UUID.randomUUID();
    private final UUID householdId = UUID.randomUUID();
    private final RecoveryClaimDecidedEvent decided = new RecoveryClaimDecidedEvent(claimId, householdId, VASTERAS,
            List.of(new ClaimedPayment(UUID.randomUUID(), Money.parse("4000.00"), BenefitMonth.of(2021, 3), LocalDate.of(2021, 2, 25),
                    LawRegime.SOL_2001, LocalDate.of(2024, 2, 25))),
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
               .when(new RecordRepaymentCommand(claimId, Money.parse("500.00"), JULY, null))
               .expectEvents(repayment("500.00", "3500.00", "0.00", "0.00"));
    }

    @Test
    void theClaimClosesAtZero() {
        fixture.given(decided, repayment("3000.00", "1000.00", "0.00", "0.00"))
               .when(new WaiveClaimCommand(claimId, Money.parse("1000.00"), "would leave the debtor without means", AUGUST, null))
               .expectEvents(new ClaimWaivedEvent(claimId, householdId, VASTERAS, Money.parse("1000.00"), "would leave the debtor without means",
                       Money.ZERO, AUGUST), new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS));
    }

    @Test
    void aWriteOffReducesWhatIsOutstandingOnTheDayItIsDecided() {
        fixture.given(decided)
               .when(new WriteOffClaimCommand(claimId, Money.parse("4000.00"), "debtor deceased", AUGUST, null))
               .expectEvents(new ClaimWrittenOffEvent(claimId, householdId, VASTERAS, Money.parse("4000.00"), "debtor deceased", Money.ZERO,
                       AUGUST), new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS));
    }

    @Test
    void aRepaymentAboveWhatIsOutstandingIsRecordedAndTheExcessIsDueBack() {
        fixture.given(decided, repayment("3000.00", "1000.00", "0.00", "0.00"))
               .when(new RecordRepaymentCommand(claimId, Money.parse("1200.00"), AUGUST, null))
               .expectEvents(new RepaymentReceivedEvent(claimId, householdId, VASTERAS, Money.parse("1200.00"), AUGUST, Money.ZERO, Money.ZERO,
                       Money.parse("200.00")), new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS));
    }

    @Test
    void aRepaymentOnAClosedClaimIsAllDueBack() {
        fixture.given(decided, repayment("4000.00", "0.00", "0.00", "0.00"), new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS))
               .when(new RecordRepaymentCommand(claimId, Money.parse("50.00"), AUGUST, null))
               .expectEvents(new RepaymentReceivedEvent(claimId, householdId, VASTERAS, Money.parse("50.00"), AUGUST, Money.ZERO, Money.ZERO,
                       Money.parse("50.00")));
    }

    @Test
    void aWrittenOffClaimTakesRepaymentsThatReduceTheWriteOffFirst() {
        fixture.given(decided, new ClaimWrittenOffEvent(claimId, householdId, VASTERAS, Money.parse("4000.00"), "not collectable", Money.ZERO, JULY),
                      new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS))
               .when(new RecordRepaymentCommand(claimId, Money.parse("4100.00"), AUGUST, null))
               .expectEvents(new RepaymentReceivedEvent(claimId, householdId, VASTERAS, Money.parse("4100.00"), AUGUST, Money.ZERO,
                       Money.parse("4000.00"), Money.parse("100.00")));
    }

    @Test
    void aPartlyWrittenOffClaimRepaysTheWriteOffBeforeWhatIsOutstanding() {
        fixture.given(decided, new ClaimWrittenOffEvent(claimId, householdId, VASTERAS, Money.parse("1000.00"), "partly", Money.parse("3000.00"), JULY))
               .when(new RecordRepaymentCommand(claimId, Money.parse("1500.00"), JULY, null))
               .expectEvents(repayment("1500.00", "2500.00", "1000.00", "0.00"));
    }

    @Test
    void aRefundPaysBackPartOfTheExcess() {
        fixture.given(decided, repayment("4300.00", "0.00", "0.00", "300.00"), new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS))
               .when(new PayRefundCommand(claimId, Money.parse("200.00"), AUGUST, null))
               .expectEvents(new RefundPaidEvent(claimId, householdId, VASTERAS, Money.parse("200.00"), AUGUST, Money.parse("100.00")));
    }

    @Test
    void aRefundMayNotExceedWhatIsDue() {
        fixture.given(decided, repayment("4300.00", "0.00", "0.00", "300.00"), new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS),
                      new RefundPaidEvent(claimId, householdId, VASTERAS, Money.parse("200.00"), AUGUST, Money.parse("100.00")))
               .when(new PayRefundCommand(claimId, Money.parse("100.01"), AUGUST, null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a refund of 100.01 is more than the 100.00 refund due on claim " + claimId)
               .expectNoEvents();
    }

    @Test
    void waiversMayNotReduceTheClaimBelowZero() {
        fixture.given(decided)
               .when(new WaiveClaimCommand(claimId, Money.parse("4000.01"), "hardship", JULY, null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a waiver of 4000.01 is more than the 4000.00 outstanding on claim " + claimId)
               .expectNoEvents();
    }

    @Test
    void aClosedClaimTakesNoMoreWriteOffs() {
        fixture.given(decided, repayment("4000.00", "0.00", "0.00", "0.00"), new RecoveryClaimClosedEvent(claimId, householdId, VASTERAS))
               .when(new WriteOffClaimCommand(claimId, Money.parse("0.01"), "rounding", JULY, null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a write-off of 0.01 is more than the 0.00 outstanding on claim " + claimId)
               .expectNoEvents();
    }

    @Test
    void reductionsMustBePositive() {
        fixture.given(decided)
               .when(new WaiveClaimCommand(claimId, Money.ZERO, "nothing", JULY, null))
               .expectException(BusinessRuleViolation.class)
               .expectExceptionMessage("a waiver must be more than 0.00");
    }

    @Test
    void eventsStoredBeforeOverpaymentsWereAcceptedReadAsPlainRepayments() {
        var old = new RepaymentReceivedEvent(claimId, householdId, VASTERAS, Money.parse("10.00"), JULY, Money.parse("3990.00"), null, null);
        org.assertj.core.api.Assertions.assertThat(old.repaid()).isEqualTo(Money.parse("10.00"));
        org.assertj.core.api.Assertions.assertThat(old.fromWrittenOff()).isEqualTo(Money.ZERO);
    }

    private RepaymentReceivedEvent repayment(String amount, String outstanding, String fromWrittenOff, String excess) {
        return new RepaymentReceivedEvent(claimId, householdId, VASTERAS, Money.parse(amount), JULY, Money.parse(outstanding),
                Money.parse(fromWrittenOff), Money.parse(excess));
    }
}
