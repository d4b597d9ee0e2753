package se.benefitledger.projections.spend;

import org.springframework.jdbc.core.JdbcTemplate;
import se.benefitledger.projections.sql.Sql;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The monthly-spend projection's person counts: tables {@code spend_membership},
 * {@code spend_person_month} and {@code spend_person_year} (the persons of duration-buckets), and
 * {@code adult_count} and {@code child_count} of {@code spend_month}.
 * <p>
 * A person month counts the person's stays in the month's counted households, so it is the product
 * of two things that change: which household months count, and who was a member when. Membership
 * changes are written at once, against the counted months stored before the batch; the batch's
 * counted months change when it commits, against the membership after all of its events. The
 * product changes by exactly those two terms, whatever the order of the events within the batch.
 */
final class SpendPersons {

    /**
     * Adds the rows of a CTE {@code delta} (municipality, basis, month, person_id, adults, children:
     * the change of the person's adult and child stays, one row per person month) to the person
     * months and each changed benefit month's state (adult, child, none) to the person's year masks,
     * and ends with the CTE {@code counted}: each month's change of adults and children, for the
     * statement to add to the month's row. A person month or year left with nothing is deleted by
     * the same statement, so that no row is ever zero. A year's row belongs to one municipality,
     * whose events one segment handles, so no other writer inserts it meanwhile.
     * <p>
     * Every change is computed from {@code before}, the delta beside the rows as they were (an index
     * look-up per row; all parts of one statement see the table as it was before the statement), and
     * every write joins its rows to a table by the table's whole key. No part joins the rows of two
     * CTEs: a CTE has no index and the planner expects one row of it, so such a join is a nested loop
     * over both, quadratic in the batch (seconds for a batch of 3,000 person months during a rebuild).
     */
    private static final String ADD_TO_PERSON_MONTHS = """
            , before AS (
                SELECT d.municipality, d.basis, d.month, d.person_id, d.adults, d.children,
                       p.person_id IS NOT NULL AS stored,
                       coalesce(p.adult_stays, 0) AS adults_before, coalesce(p.child_stays, 0) AS children_before,
                       coalesce(p.adult_stays, 0) + d.adults AS adults_after, coalesce(p.child_stays, 0) + d.children AS children_after
                FROM delta d LEFT JOIN spend_person_month p
                    ON p.municipality = d.municipality AND p.basis = d.basis AND p.month = d.month AND p.person_id = d.person_id),
            upserted AS (
                INSERT INTO spend_person_month AS p (municipality, basis, month, person_id, adult_stays, child_stays)
                SELECT municipality, basis, month, person_id, adults, children FROM before
                WHERE adults_after <> 0 OR children_after <> 0
                ON CONFLICT (municipality, basis, month, person_id) DO UPDATE
                    SET adult_stays = p.adult_stays + EXCLUDED.adult_stays, child_stays = p.child_stays + EXCLUDED.child_stays),
            emptied AS (
                DELETE FROM spend_person_month p USING before b
                WHERE p.municipality = b.municipality AND p.basis = b.basis AND p.month = b.month AND p.person_id = b.person_id
                    AND b.stored AND b.adults_after = 0 AND b.children_after = 0),
            years AS (
                SELECT c.municipality, c.year, c.person_id, y.person_id IS NOT NULL AS stored,
                       (coalesce(y.adult_months, 0) & ~c.changed) | c.adult AS adult_months,
                       (coalesce(y.child_months, 0) & ~c.changed) | c.child AS child_months
                FROM (SELECT municipality, left(month, 4)::integer AS year, person_id,
                             bit_or(1 << (right(month, 2)::integer - 1)) AS changed,
                             bit_or(CASE WHEN adults_after > 0 THEN 1 << (right(month, 2)::integer - 1) ELSE 0 END) AS adult,
                             bit_or(CASE WHEN adults_after = 0 AND children_after > 0 THEN 1 << (right(month, 2)::integer - 1) ELSE 0 END) AS child
                      FROM before WHERE basis = 'BENEFIT_MONTH'
                      GROUP BY municipality, left(month, 4), person_id) c
                LEFT JOIN spend_person_year y ON y.municipality = c.municipality AND y.year = c.year AND y.person_id = c.person_id),
            years_updated AS (
                UPDATE spend_person_year y SET adult_months = c.adult_months, child_months = c.child_months
                FROM years c WHERE y.municipality = c.municipality AND y.year = c.year AND y.person_id = c.person_id
                    AND c.adult_months | c.child_months <> 0 AND (y.adult_months, y.child_months) <> (c.adult_months, c.child_months)),
            years_emptied AS (
                DELETE FROM spend_person_year y USING years c
                WHERE y.municipality = c.municipality AND y.year = c.year AND y.person_id = c.person_id AND c.adult_months | c.child_months = 0),
            years_inserted AS (
                INSERT INTO spend_person_year (municipality, year, person_id, adult_months, child_months)
                SELECT municipality, year, person_id, adult_months, child_months FROM years
                WHERE NOT stored AND adult_months | child_months <> 0),
            counted AS (
                SELECT municipality, basis, month,
                       sum((adults_after > 0)::integer - (adults_before > 0)::integer) AS adults,
                       sum((adults_after = 0 AND children_after > 0)::integer - (adults_before = 0 AND children_before > 0)::integer) AS children
                FROM before GROUP BY municipality, basis, month)""";

    /** After {@link #ADD_TO_PERSON_MONTHS}: the persons' changes of count to the month rows, which exist. */
    private static final String COUNT_PERSONS = """
            UPDATE spend_month s SET adult_count = s.adult_count + c.adults, child_count = s.child_count + c.children
            FROM counted c WHERE s.municipality = c.municipality AND s.basis = c.basis AND s.month = c.month""";

    /** A stay that starts (sign 1) or ends (sign -1) in {@code months_from} changes the person in the household's counted months from then on. */
    private static final String STAY_IN_COUNTED_MONTHS = """
            , delta AS (
                SELECT hm.municipality, hm.basis, hm.month, s.person_id,
                       sum(CASE WHEN s.adult_from IS NULL OR hm.month >= s.adult_from THEN s.sign ELSE 0 END) AS adults,
                       sum(CASE WHEN s.adult_from IS NULL OR hm.month >= s.adult_from THEN 0 ELSE s.sign END) AS children
                FROM stay s JOIN spend_household_month hm ON hm.household_id = s.household_id
                    AND (s.months_from IS NULL OR hm.month >= s.months_from) AND hm.live_payments > 0
                GROUP BY hm.municipality, hm.basis, hm.month, s.person_id)""";

    private final JdbcTemplate jdbc;

    SpendPersons(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new household's founders: it has no counted months yet (its payments come after it), so nothing counts them yet. */
    void registered(List<MemberStays.Stay> founders) {
        Sql.batchUpdate(jdbc, "INSERT INTO spend_membership (household_id, person_id, from_month, adult_from) VALUES (?, ?, ?, ?)",
                founders.stream().map(SpendPersons::row).toList());
    }

    /** A member joins a household in a month that may already count (a join recorded late). */
    void joined(MemberStays.Stay stay) {
        jdbc.update("""
                        WITH stay AS (
                            INSERT INTO spend_membership (household_id, person_id, from_month, adult_from) VALUES (?, ?, ?, ?)
                            RETURNING household_id, person_id, from_month AS months_from, adult_from, 1 AS sign)"""
                        + STAY_IN_COUNTED_MONTHS + ADD_TO_PERSON_MONTHS + COUNT_PERSONS,
                row(stay));
    }

    /** The person's open stay ends before {@code month}: they no longer count in the household from then on. */
    void departed(UUID householdId, UUID personId, YearMonth month) {
        jdbc.update("""
                        WITH stay AS (
                            UPDATE spend_membership SET departure_month = ?
                            WHERE household_id = ? AND person_id = ? AND departure_month IS NULL
                            RETURNING household_id, person_id, greatest(from_month, departure_month) AS months_from, adult_from, -1 AS sign)"""
                    + STAY_IN_COUNTED_MONTHS + ADD_TO_PERSON_MONTHS + COUNT_PERSONS,
                month.toString(), householdId, personId);
    }

    /**
     * The CTEs that change the person months by the household months that start or stop counting:
     * after a CTE {@code flip} (municipality, basis, month, household_id, sign: 1 starts, -1 stops,
     * 0 neither), the members of each such month then ({@code delta}), then
     * {@link #ADD_TO_PERSON_MONTHS}, ending with {@code counted}.
     */
    static final String MEMBERS_OF_FLIPPED_MONTHS = """
            , delta AS (
                SELECT f.municipality, f.basis, f.month, ms.person_id,
                       sum(CASE WHEN ms.adult_from IS NULL OR f.month >= ms.adult_from THEN f.sign ELSE 0 END) AS adults,
                       sum(CASE WHEN ms.adult_from IS NULL OR f.month >= ms.adult_from THEN 0 ELSE f.sign END) AS children
                FROM flip f JOIN spend_membership ms ON ms.household_id = f.household_id
                    AND (ms.from_month IS NULL OR ms.from_month <= f.month) AND (ms.departure_month IS NULL OR f.month < ms.departure_month)
                WHERE f.sign <> 0
                GROUP BY f.municipality, f.basis, f.month, ms.person_id)""" + ADD_TO_PERSON_MONTHS;

    /** The household months as array parameters, one array per column. */
    static Object[] householdMonths(List<SpendCalculator.HouseholdMonth> householdMonths) {
        return new Object[]{
                householdMonths.stream().map(month -> month.row().municipality()).toArray(String[]::new),
                householdMonths.stream().map(month -> month.row().basis().name()).toArray(String[]::new),
                householdMonths.stream().map(month -> month.row().month()).toArray(String[]::new),
                householdMonths.stream().map(SpendCalculator.HouseholdMonth::householdId).toArray(UUID[]::new)};
    }

    static Object[] withDeltas(Object[] householdMonths, Integer[] deltas) {
        var parameters = Arrays.copyOf(householdMonths, householdMonths.length + 1);
        parameters[householdMonths.length] = deltas;
        return parameters;
    }

    private static Object[] row(MemberStays.Stay stay) {
        return new Object[]{stay.householdId(), stay.personId(), month(stay.from()), month(stay.adultFrom())};
    }

    private static String month(YearMonth month) {
        return month == null ? null : month.toString();
    }
}
