package se.benefitledger.projections.spend;

import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.SignedMoney;

import java.util.List;

/** The monthly-spend report, as the REST contract shapes it: every month of the range, and totals. */
public record MonthlySpendReport(MunicipalityCode municipality, SpendBasis basis, List<Month> months, Totals totals) {

    /**
     * {@code householdCount}: households with a non-returned executed payment in the month, on the
     * report's basis; {@code adultCount} and {@code childCount}: their members in that month, by the
     * person rule of the duration report (each person once).
     */
    public record Month(String month, Money scheduled, Money executed, Money returned, SignedMoney netPaid, int paymentCount, int householdCount,
                        int adultCount, int childCount) {
    }

    public record Totals(Money scheduled, Money executed, Money returned, SignedMoney netPaid, long paymentCount) {
    }
}
