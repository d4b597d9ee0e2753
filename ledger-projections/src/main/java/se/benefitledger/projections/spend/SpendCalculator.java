package se.benefitledger.projections.spend;

import se.benefitledger.core.payment.PaymentCancelledEvent;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;
import se.benefitledger.core.payment.PaymentScheduledEvent;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What each payment event changes in monthly spend, on both bases. Pure: the projection only
 * writes what this answers.
 */
final class SpendCalculator {

    /** One row of spend: a municipality's month on one basis. */
    record Row(String municipality, SpendBasis basis, String month) implements Comparable<Row> {
        static Row of(MunicipalityCode municipality, SpendBasis basis, YearMonth month) {
            return new Row(municipality.code(), basis, month.toString());
        }

        @Override
        public int compareTo(Row other) {
            return (municipality + basis + month).compareTo(other.municipality + other.basis + other.month);
        }
    }

    /** Amounts in öre; {@code payments} counts executed payments. */
    record Totals(long scheduled, long executed, long returned, int payments) {
        static final Totals NONE = new Totals(0, 0, 0, 0);

        Totals plus(Totals other) {
            return new Totals(scheduled + other.scheduled, executed + other.executed, returned + other.returned, payments + other.payments);
        }
    }

    /** A household's month on one basis. */
    record HouseholdMonth(Row row, UUID householdId) implements Comparable<HouseholdMonth> {
        @Override
        public int compareTo(HouseholdMonth other) {
            int byRow = row.compareTo(other.row);
            return byRow != 0 ? byRow : householdId.compareTo(other.householdId);
        }
    }

    sealed interface Change permits TotalsChange, LiveChange {
    }

    record TotalsChange(Row row, Totals totals) implements Change {
    }

    /** The household's executed, not returned payments in the month change by {@code delta}. */
    record LiveChange(HouseholdMonth householdMonth, int delta) implements Change {
    }

    private SpendCalculator() {
    }

    static List<Change> of(PaymentScheduledEvent event) {
        return scheduled(event.municipality(), event.benefitMonth().value(), event.dueDate(), event.amount().ore());
    }

    static List<Change> of(PaymentCancelledEvent event) {
        return scheduled(event.municipality(), event.benefitMonth().value(), event.dueDate(), -event.amount().ore());
    }

    static List<Change> of(PaymentRejectedEvent event) {
        return scheduled(event.municipality(), event.benefitMonth().value(), event.dueDate(), -event.amount().ore());
    }

    static List<Change> of(PaymentExecutedEvent event) {
        var executed = new Totals(0, event.amount().ore(), 0, 1);
        Row benefitMonth = Row.of(event.municipality(), SpendBasis.BENEFIT_MONTH, event.benefitMonth().value());
        Row paymentDate = Row.of(event.municipality(), SpendBasis.PAYMENT_DATE, YearMonth.from(event.executedOn()));
        return List.of(new TotalsChange(benefitMonth, executed), new TotalsChange(paymentDate, executed),
                new LiveChange(new HouseholdMonth(benefitMonth, event.householdId()), 1),
                new LiveChange(new HouseholdMonth(paymentDate, event.householdId()), 1));
    }

    /** Counts as returned in the return's month; the household loses the payment in the month it was executed. */
    static List<Change> of(PaymentReturnedEvent event) {
        var returned = new Totals(0, 0, event.amount().ore(), 0);
        Row benefitMonth = Row.of(event.municipality(), SpendBasis.BENEFIT_MONTH, event.benefitMonth().value());
        return List.of(new TotalsChange(benefitMonth, returned),
                new TotalsChange(Row.of(event.municipality(), SpendBasis.PAYMENT_DATE, YearMonth.from(event.returnedOn())), returned),
                new LiveChange(new HouseholdMonth(benefitMonth, event.householdId()), -1),
                new LiveChange(new HouseholdMonth(Row.of(event.municipality(), SpendBasis.PAYMENT_DATE, YearMonth.from(event.executedOn())),
                        event.householdId()), -1));
    }

    private static List<Change> scheduled(MunicipalityCode municipality, YearMonth benefitMonth, LocalDate dueDate, long amount) {
        var scheduled = new Totals(amount, 0, 0, 0);
        return List.of(new TotalsChange(Row.of(municipality, SpendBasis.BENEFIT_MONTH, benefitMonth), scheduled),
                new TotalsChange(Row.of(municipality, SpendBasis.PAYMENT_DATE, YearMonth.from(dueDate)), scheduled));
    }
}
