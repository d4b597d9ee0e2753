package se.benefitledger.projections.balances;

import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the recovery-flows report from each month's sums of movements. Pure. */
final class RecoveryFlows {

    /**
     * One month's movements: {@code outstandingChange} = principal − repaid − waived − written off
     * + written-off amounts repaid (they were no longer outstanding).
     */
    record MonthSums(long claimsOpened, long principal, long repaid, long waived, long writtenOff, long refunded, long overpaid,
                     long outstandingChange) {

        static final MonthSums NONE = new MonthSums(0, 0, 0, 0, 0, 0, 0, 0);

        MonthSums plus(MonthSums other) {
            return new MonthSums(claimsOpened + other.claimsOpened, principal + other.principal, repaid + other.repaid,
                    waived + other.waived, writtenOff + other.writtenOff, refunded + other.refunded, overpaid + other.overpaid,
                    outstandingChange + other.outstandingChange);
        }
    }

    private RecoveryFlows() {
    }

    /**
     * @param outstandingBefore the receivable at the end of the month before {@code from}
     * @param sums              the months that had movements, inside the range
     */
    static RecoveryFlowsReport report(MunicipalityCode municipality, YearMonth from, YearMonth to, long outstandingBefore,
                                      Map<YearMonth, MonthSums> sums) {
        var months = new ArrayList<RecoveryFlowsReport.Month>();
        var years = new LinkedHashMap<Integer, MonthSums>();
        var outstandingAtYearEnd = new LinkedHashMap<Integer, Long>();
        MonthSums total = MonthSums.NONE;
        long outstanding = outstandingBefore;
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            MonthSums of = sums.getOrDefault(month, MonthSums.NONE);
            outstanding += of.outstandingChange();
            months.add(new RecoveryFlowsReport.Month(month.toString(), of.claimsOpened(), Money.ofOre(of.principal()), Money.ofOre(of.repaid()),
                    Money.ofOre(of.waived()), Money.ofOre(of.writtenOff()), Money.ofOre(of.refunded()), Money.ofOre(outstanding),
                    Money.ofOre(of.overpaid())));
            years.merge(month.getYear(), of, MonthSums::plus);
            outstandingAtYearEnd.put(month.getYear(), outstanding);
            total = total.plus(of);
        }
        List<RecoveryFlowsReport.Year> yearly = years.entrySet().stream().map(year -> {
            MonthSums of = year.getValue();
            return new RecoveryFlowsReport.Year(year.getKey(), of.claimsOpened(), Money.ofOre(of.principal()), Money.ofOre(of.repaid()),
                    Money.ofOre(of.waived()), Money.ofOre(of.writtenOff()), Money.ofOre(of.refunded()),
                    Money.ofOre(outstandingAtYearEnd.get(year.getKey())), Money.ofOre(of.overpaid()));
        }).toList();
        return new RecoveryFlowsReport(municipality, from.toString(), to.toString(), months, yearly,
                new RecoveryFlowsReport.Totals(total.claimsOpened(), Money.ofOre(total.principal()), Money.ofOre(total.repaid()),
                        Money.ofOre(total.waived()), Money.ofOre(total.writtenOff()), Money.ofOre(total.refunded()), Money.ofOre(outstanding),
                        Money.ofOre(total.overpaid())));
    }
}
