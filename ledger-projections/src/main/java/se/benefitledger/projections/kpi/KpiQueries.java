package se.benefitledger.projections.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.duration.DurationQueries;
import se.benefitledger.projections.spend.MonthlySpendQueries;
import se.benefitledger.projections.spend.SpendBasis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;

/** The KPI report, from the duration and monthly-spend reports of the calendar year and the cash recovered in it. */
@Service
public class KpiQueries {

    private final JdbcClient jdbc;
    private final DurationQueries duration;
    private final MonthlySpendQueries spend;

    KpiQueries(JdbcClient jdbc, DurationQueries duration, MonthlySpendQueries spend) {
        this.jdbc = jdbc;
        this.duration = duration;
        this.spend = spend;
    }

    public KpiReport report(MunicipalityCode municipality, Year year) {
        var durations = duration.calendarYear(municipality, year);
        var adults = durations.persons().adults();
        var netPaid = spend.report(municipality, SpendBasis.BENEFIT_MONTH, year.atMonth(1), year.atMonth(12)).totals().netPaid();
        long recovered = jdbc.sql("SELECT coalesce(sum(received_ore), 0) FROM recovered_cash_month WHERE municipality = ? AND month BETWEEN ? AND ?")
                             .params(municipality.code(), year.atMonth(1).toString(), year.atMonth(12).toString())
                             .query(Long.class).single();
        return new KpiReport(municipality, year.getValue(), durations.households(), adults.total(), durations.persons().children().total(),
                adults.longTerm(), share(adults.longTerm(), adults.total()), netPaid, Money.ofOre(recovered));
    }

    /** Percent with one decimal, half up; null when there is nothing to divide by. */
    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
