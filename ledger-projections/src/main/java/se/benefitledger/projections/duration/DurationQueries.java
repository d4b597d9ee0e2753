package se.benefitledger.projections.duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

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

    /** Households of the municipality with a run of at least {@code min} assistance months ending with {@code month}. */
    public ConsecutiveMonthsReport consecutive(MunicipalityCode municipality, YearMonth month, int min, int page, int size) {
        // the assistance months up to the month of every household assisted in that month
        Map<UUID, TreeSet<YearMonth>> months = new HashMap<>();
        jdbc.sql("""
                    SELECT household_id, month FROM duration_household_month
                    WHERE municipality = ? AND month <= ? AND live_payments > 0 AND household_id IN (
                        SELECT household_id FROM duration_household_month WHERE municipality = ? AND month = ? AND live_payments > 0)""")
            .params(municipality.code(), month.toString(), municipality.code(), month.toString())
            .query(rs -> {
                months.computeIfAbsent(Sql.uuid(rs, "household_id"), household -> new TreeSet<>()).add(YearMonth.parse(rs.getString("month")));
            });
        var runs = new ArrayList<ConsecutiveMonthsReport.Item>();
        months.forEach((household, assisted) -> {
            int run = ConsecutiveRuns.endingAt(assisted, month);
            if (run >= min) {
                runs.add(new ConsecutiveMonthsReport.Item(household, run));
            }
        });
        runs.sort(Comparator.comparingInt(ConsecutiveMonthsReport.Item::months).reversed().thenComparing(ConsecutiveMonthsReport.Item::householdId));
        int from = (int) Math.min((long) page * size, runs.size());
        var items = runs.subList(from, Math.min(from + size, runs.size()));
        return new ConsecutiveMonthsReport(municipality, month.toString(), min, runs.size(), List.copyOf(items), page, size, (long) runs.size());
    }

    private DurationReport report(MunicipalityCode municipality, YearMonth end) {
        var window = YearMasks.ending(end);
        var buckets = emptyBuckets();
        jdbc.sql("""
                    SELECT months, count(*) AS households FROM (
                        SELECT coalesce(bit_count((a.months & ?)::bit(12))::integer, 0)
                               + coalesce(bit_count((b.months & ?)::bit(12))::integer, 0) AS months
                        FROM (SELECT household_id, months FROM duration_household_year WHERE municipality = ? AND year = ?) a
                        FULL JOIN (SELECT household_id, months FROM duration_household_year WHERE municipality = ? AND year = ? AND ? <> 0) b
                            USING (household_id)) window_months
                    WHERE months > 0 GROUP BY months""")
            .params(window.thisYear(), window.lastYear(), municipality.code(), window.year(), municipality.code(), window.year() - 1,
                    window.lastYear())
            .query(rs -> {
                buckets.merge(AssistanceMonths.bucket(rs.getInt("months")), rs.getLong("households"), Long::sum);
            });
        long households = buckets.values().stream().mapToLong(Long::longValue).sum();
        return new DurationReport(municipality, new DurationReport.Window(end.minusMonths(11).toString(), end.toString()), buckets, households,
                buckets.get("10-12"), persons(municipality, window));
    }

    /**
     * The 12 months ending with a month, as masks of its year and the year before. The queries join
     * a household's (or person's) row of the one year to its row of the other, at most one each,
     * instead of grouping by household: a third of the time for a window inside one year (ending
     * in December), which reads no row of the year before, and a quarter less for the others.
     */
    private record YearMasks(int year, int thisYear, int lastYear) {

        static YearMasks ending(YearMonth end) {
            return new YearMasks(end.getYear(), AssistanceMonths.windowMask(end.getYear(), end), AssistanceMonths.windowMask(end.getYear() - 1, end));
        }
    }

    /**
     * The members of the municipality's households in their assistance months of the 12 months
     * of {@code window} (domain.md §9.4): a person's month counts once however many of their
     * households had it, as an adult month when they were an adult in any of them, else as a child
     * month. The monthly-spend projection keeps them per person and year ({@code spend_person_year}):
     * its household months of basis BENEFIT_MONTH are these assistance months.
     */
    private DurationReport.Persons persons(MunicipalityCode municipality, YearMasks window) {
        var adults = emptyBuckets();
        var children = emptyBuckets();
        jdbc.sql("""
                    SELECT adult, child, count(*) AS persons FROM (
                        SELECT coalesce(bit_count((a.adult_months & ?)::bit(12))::integer, 0)
                               + coalesce(bit_count((b.adult_months & ?)::bit(12))::integer, 0) AS adult,
                               coalesce(bit_count((a.child_months & ?)::bit(12))::integer, 0)
                               + coalesce(bit_count((b.child_months & ?)::bit(12))::integer, 0) AS child
                        FROM (SELECT person_id, adult_months, child_months FROM spend_person_year WHERE municipality = ? AND year = ?) a
                        FULL JOIN (SELECT person_id, adult_months, child_months FROM spend_person_year
                                   WHERE municipality = ? AND year = ? AND ? <> 0) b USING (person_id)) window_months
                    GROUP BY adult, child""")
            .params(window.thisYear(), window.lastYear(), window.thisYear(), window.lastYear(), municipality.code(), window.year(),
                    municipality.code(), window.year() - 1, window.lastYear())
            .query(rs -> {
                long persons = rs.getLong("persons");
                if (rs.getInt("adult") > 0) {
                    adults.merge(AssistanceMonths.bucket(rs.getInt("adult")), persons, Long::sum);
                }
                if (rs.getInt("child") > 0) {
                    children.merge(AssistanceMonths.bucket(rs.getInt("child")), persons, Long::sum);
                }
            });
        return new DurationReport.Persons(PersonBuckets.of(adults), PersonBuckets.of(children));
    }

    private static Map<String, Long> emptyBuckets() {
        var buckets = new LinkedHashMap<String, Long>();
        AssistanceMonths.BUCKETS.forEach(bucket -> buckets.put(bucket, 0L));
        return buckets;
    }
}
