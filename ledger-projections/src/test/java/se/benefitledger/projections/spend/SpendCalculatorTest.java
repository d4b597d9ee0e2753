package se.benefitledger.projections.spend;

import org.junit.jupiter.api.Test;
import se.benefitledger.core.payment.PayeeType;
import se.benefitledger.core.payment.PaymentCancelledEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static se.benefitledger.projections.spend.SpendBasis.BENEFIT_MONTH;
import static se.benefitledger.projections.spend.SpendBasis.PAYMENT_DATE;

class SpendCalculatorTest {

    private static final MunicipalityCode TROSA = MunicipalityCode.of("0488");
    private final UUID payment = UUID.randomUUID();
    private final UUID household = UUID.randomUUID();

    @Test
    void aScheduledPaymentCountsInItsBenefitMonthAndItsDueMonth() {
        var changes = SpendCalculator.of(new PaymentScheduledEvent(payment, UUID.randomUUID(), household, TROSA, BenefitMonth.of(2021, 3),
                LegalBasis.SOL_2025_12_1, Money.parse("8450.00"), LocalDate.of(2021, 2, 25), PayeeType.HOUSEHOLD, UUID.randomUUID(), null));

        assertThat(changes).containsExactly(
                new SpendCalculator.TotalsChange(new SpendCalculator.Row("0488", BENEFIT_MONTH, "2021-03"), new SpendCalculator.Totals(845_000, 0, 0, 0)),
                new SpendCalculator.TotalsChange(new SpendCalculator.Row("0488", PAYMENT_DATE, "2021-02"), new SpendCalculator.Totals(845_000, 0, 0, 0)));
    }

    @Test
    void aCancelledPaymentNoLongerCountsAsScheduled() {
        var changes = SpendCalculator.of(new PaymentCancelledEvent(payment, UUID.randomUUID(), household, TROSA, BenefitMonth.of(2021, 3),
                Money.parse("100.00"), LocalDate.of(2021, 2, 25), "moved"));
        assertThat(changes).extracting(change -> ((SpendCalculator.TotalsChange) change).totals().scheduled()).containsOnly(-10_000L);
    }

    @Test
    void anExecutedPaymentCountsByBenefitMonthAndByExecutionDateAndMakesTheHouseholdCount() {
        var changes = SpendCalculator.of(new PaymentExecutedEvent(payment, UUID.randomUUID(), household, TROSA, BenefitMonth.of(2021, 3),
                Money.parse("100.00"), LocalDate.of(2021, 2, 26)));

        var benefitMonth = new SpendCalculator.Row("0488", BENEFIT_MONTH, "2021-03");
        var paymentDate = new SpendCalculator.Row("0488", PAYMENT_DATE, "2021-02");
        assertThat(changes).containsExactly(
                new SpendCalculator.TotalsChange(benefitMonth, new SpendCalculator.Totals(0, 10_000, 0, 1)),
                new SpendCalculator.TotalsChange(paymentDate, new SpendCalculator.Totals(0, 10_000, 0, 1)),
                new SpendCalculator.LiveChange(new SpendCalculator.HouseholdMonth(benefitMonth, household), 1),
                new SpendCalculator.LiveChange(new SpendCalculator.HouseholdMonth(paymentDate, household), 1));
    }

    @Test
    void aReturnCountsInTheReturnMonthAndTakesThePaymentFromTheMonthItWasPaid() {
        var changes = SpendCalculator.of(new PaymentReturnedEvent(payment, UUID.randomUUID(), household, TROSA, BenefitMonth.of(2021, 3),
                Money.parse("100.00"), LocalDate.of(2021, 2, 26), LocalDate.of(2021, 4, 2), "closed account"));

        assertThat(changes).containsExactly(
                new SpendCalculator.TotalsChange(new SpendCalculator.Row("0488", BENEFIT_MONTH, "2021-03"), new SpendCalculator.Totals(0, 0, 10_000, 0)),
                new SpendCalculator.TotalsChange(new SpendCalculator.Row("0488", PAYMENT_DATE, "2021-04"), new SpendCalculator.Totals(0, 0, 10_000, 0)),
                new SpendCalculator.LiveChange(new SpendCalculator.HouseholdMonth(new SpendCalculator.Row("0488", BENEFIT_MONTH, "2021-03"), household), -1),
                new SpendCalculator.LiveChange(new SpendCalculator.HouseholdMonth(new SpendCalculator.Row("0488", PAYMENT_DATE, "2021-02"), household), -1));
    }
}
