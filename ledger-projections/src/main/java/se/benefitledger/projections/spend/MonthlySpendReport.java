package se.benefitledger.projections.spend;

import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.SignedMoney;

import java.util.List;

/** The monthly-spend report, as the REST contract shapes it: every month of the range, and totals. */
public record MonthlySpendReport(MunicipalityCode municipality, SpendBasis basis, List<Month> months, Totals totals) {

    /** {@code householdCount}: households with a non-returned executed payment in the month, on the report's basis. */
    public record Month(String month, Money scheduled, Money executed, Money returned, SignedMoney netPaid, int paymentCount, int householdCount) {
    }

    public record Totals(Money scheduled, Money executed, Money returned, SignedMoney netPaid, long paymentCount) {
    }
}
