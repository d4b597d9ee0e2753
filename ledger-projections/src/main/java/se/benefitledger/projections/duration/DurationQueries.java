package se.benefitledger.projections.duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.Year;
import java.time.YearMonth;
import java.util.LinkedHashMap;

@Service
public class DurationQueries {

    private final JdbcClient jdbc;

    DurationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rolling window: the 12 months ending with {@code month}. */
    public DurationReport rolling(MunicipalityCode municipality, YearMonth month) {
        return report(municipality, month);
    }

    /** The calendar year: January to December. */
    public DurationReport calendarYear(MunicipalityCode municipality, Year year) {
        return report(municipality, year.atMonth(12));
    }

    private DurationReport report(MunicipalityCode municipality, YearMonth end) {
        int year = end.getYear();
        var buckets = new LinkedHashMap<String, Long>();
        AssistanceMonths.BUCKETS.forEach(bucket -> buckets.put(bucket, 0L));
        jdbc.sql("""
                    SELECT months, count(*) AS households FROM (
                        SELECT household_id, sum(bit_count((months & CASE WHEN year = ? THEN ? ELSE ? END)::bit(12))) AS months
                        FROM duration_household_year
                        WHERE municipality = ? AND year IN (?, ?)
                        GROUP BY household_id) window_months
                    WHERE months > 0 GROUP BY months""")
            .params(year, AssistanceMonths.windowMask(year, end), AssistanceMonths.windowMask(year - 1, end), municipality.code(), year, year - 1)
            .query(rs -> {
                buckets.merge(AssistanceMonths.bucket(rs.getInt("months")), rs.getLong("households"), Long::sum);
            });
        long households = buckets.values().stream().mapToLong(Long::longValue).sum();
        return new DurationReport(municipality, new DurationReport.Window(end.minusMonths(11).toString(), end.toString()), buckets, households,
                buckets.get("10-12"));
    }
}
