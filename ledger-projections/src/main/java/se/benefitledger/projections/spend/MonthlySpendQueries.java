package se.benefitledger.projections.spend;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.SignedMoney;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

@Service
public class MonthlySpendQueries {

    private final JdbcClient jdbc;

    MonthlySpendQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every month from {@code from} to {@code to}, months without payments as zeros. */
    public MonthlySpendReport report(MunicipalityCode municipality, SpendBasis basis, YearMonth from, YearMonth to) {
        Map<String, MonthlySpendReport.Month> stored = new HashMap<>();
        jdbc.sql("""
                    SELECT month, scheduled_ore, executed_ore, returned_ore, payment_count, household_count, adult_count, child_count FROM spend_month
                    WHERE municipality = ? AND basis = ? AND month BETWEEN ? AND ?""")
            .params(municipality.code(), basis.name(), from.toString(), to.toString())
            .query(rs -> {
                long executed = rs.getLong("executed_ore");
                long returned = rs.getLong("returned_ore");
                stored.put(rs.getString("month"), new MonthlySpendReport.Month(rs.getString("month"), Money.ofOre(rs.getLong("scheduled_ore")),
                        Money.ofOre(executed), Money.ofOre(returned), new SignedMoney(executed - returned), rs.getInt("payment_count"),
                        rs.getInt("household_count"), rs.getInt("adult_count"), rs.getInt("child_count")));
            });
        var months = new ArrayList<MonthlySpendReport.Month>();
        long scheduled = 0;
        long executed = 0;
        long returned = 0;
        long payments = 0;
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            var row = stored.getOrDefault(month.toString(),
                    new MonthlySpendReport.Month(month.toString(), Money.ZERO, Money.ZERO, Money.ZERO, new SignedMoney(0), 0, 0, 0, 0));
            months.add(row);
            scheduled += row.scheduled().ore();
            executed += row.executed().ore();
            returned += row.returned().ore();
            payments += row.paymentCount();
        }
        return new MonthlySpendReport(municipality, basis, months, new MonthlySpendReport.Totals(Money.ofOre(scheduled), Money.ofOre(executed),
                Money.ofOre(returned), new SignedMoney(executed - returned), payments));
    }
}
