package se.benefitledger.projections.spend;

import org.springframework.jdbc.core.JdbcTemplate;
import se.benefitledger.projections.sql.Sql;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
     * the change of the person's adult and child stays) to the person months, each changed benefit
     * month's state (adult, child, none) to the person's year masks, and each person's change of
     * count to the months' counts. Their month rows exist: a person month only changes with a
     * counted household month, which writes its month row first. A year's row belongs to one
     * municipality, whose events one segment handles, so no other writer inserts it meanwhile.
     * A year is inserted when the table as the statement found it has no row for it (the update's
     * rows are the ones it had): an index look-up, where a join to the update's returned rows, which
     * have no index, would be quadratic in the batch.
     */
    private static final String ADD_TO_PERSON_MONTHS = """
            , upserted AS (
                INSERT INTO spend_person_month AS p (municipality, basis, month, person_id, adult_stays, child_stays)
                SELECT municipality, basis, month, person_id, adults, children FROM delta
                ON CONFLICT (municipality, basis, month, person_id) DO UPDATE
                    SET adult_stays = p.adult_stays + EXCLUDED.adult_stays, child_stays = p.child_stays + EXCLUDED.child_stays
                RETURNING municipality, basis, month, person_id, adult_stays, child_stays),
            years AS (
                SELECT municipality, left(month, 4)::integer AS year, person_id,
                       bit_or(1 << (right(month, 2)::integer - 1)) AS changed,
                       bit_or(CASE WHEN adult_stays > 0 THEN 1 << (right(month, 2)::integer - 1) ELSE 0 END) AS adult,
                       bit_or(CASE WHEN adult_stays = 0 AND child_stays > 0 THEN 1 << (right(month, 2)::integer - 1) ELSE 0 END) AS child
                FROM upserted WHERE basis = 'BENEFIT_MONTH'
                GROUP BY municipality, left(month, 4), person_id),
            years_updated AS (
                UPDATE spend_person_year y
                SET adult_months = (y.adult_months & ~c.changed) | c.adult, child_months = (y.child_months & ~c.changed) | c.child
                FROM years c WHERE y.municipality = c.municipality AND y.year = c.year AND y.person_id = c.person_id),
            years_inserted AS (
                INSERT INTO spend_person_year (municipality, year, person_id, adult_months, child_months)
                SELECT municipality, year, person_id, adult, child FROM years c
                WHERE adult | child <> 0 AND NOT EXISTS (
                    SELECT 1 FROM spend_person_year y WHERE y.municipality = c.municipality AND y.year = c.year AND y.person_id = c.person_id)),
            counted AS (
                SELECT u.municipality, u.basis, u.month,
                       sum((u.adult_stays > 0)::integer - (u.adult_stays - d.adults > 0)::integer) AS adults,
                       sum((u.adult_stays = 0 AND u.child_stays > 0)::integer
                           - (u.adult_stays - d.adults = 0 AND u.child_stays - d.children > 0)::integer) AS children
                FROM upserted u JOIN delta d USING (municipality, basis, month, person_id)
                GROUP BY u.municipality, u.basis, u.month)
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

    /**
     * A person's years left without a counted month leave no row: the table is the same however events
     * were batched. By the whole key from a {@code FROM} list naming {@code municipality, month,
     * person_id}: person_id alone is no index's first column, and a scan of the table per batch grows
     * with the country.
     */
    private static final String DELETE_EMPTY_YEARS = """
            DELETE FROM spend_person_year y USING %s
            WHERE y.municipality = c.municipality AND y.year = left(c.month, 4)::integer AND y.person_id = c.person_id
                AND y.adult_months = 0 AND y.child_months = 0""";

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
                        + STAY_IN_COUNTED_MONTHS + ADD_TO_PERSON_MONTHS,
                row(stay));
    }

    /** The person's open stay ends before {@code month}: they no longer count in the household from then on. */
    void departed(UUID householdId, UUID personId, YearMonth month) {
        jdbc.update("""
                        WITH stay AS (
                            UPDATE spend_membership SET departure_month = ?
                            WHERE household_id = ? AND person_id = ? AND departure_month IS NULL
                            RETURNING household_id, person_id, greatest(from_month, departure_month) AS months_from, adult_from, -1 AS sign)"""
                    + STAY_IN_COUNTED_MONTHS + ADD_TO_PERSON_MONTHS,
                month.toString(), householdId, personId);
        jdbc.update("""
                        DELETE FROM spend_person_month p USING spend_household_month hm
                        WHERE hm.household_id = ? AND hm.month >= ? AND p.municipality = hm.municipality AND p.basis = hm.basis
                            AND p.month = hm.month AND p.person_id = ? AND p.adult_stays = 0 AND p.child_stays = 0""",
                householdId, month.toString(), personId);
        jdbc.update(DELETE_EMPTY_YEARS.formatted("""
                (SELECT municipality, month, ?::uuid AS person_id FROM spend_household_month WHERE household_id = ? AND month >= ?) c"""),
                personId, householdId, month.toString());
    }

    /**
     * After the batch's live payments are added to {@code spend_household_month} (before its months
     * without any are deleted): a household month that starts or stops counting adds or takes away
     * its members of that month. One statement for the whole batch: the month rows it changes are
     * each written once, not once per household.
     */
    void livePaymentsChanged(List<Map.Entry<SpendCalculator.HouseholdMonth, Integer>> changed) {
        jdbc.update("""
                        WITH changed AS (
                            SELECT * FROM unnest(?::char(4)[], ?::varchar[], ?::char(7)[], ?::uuid[], ?::integer[])
                                AS c (municipality, basis, month, household_id, delta)),
                        flip AS (
                            SELECT hm.municipality, hm.basis, hm.month, hm.household_id,
                                   (hm.live_payments > 0)::integer - (hm.live_payments - c.delta > 0)::integer AS sign
                            FROM changed c JOIN spend_household_month hm ON hm.municipality = c.municipality AND hm.basis = c.basis
                                AND hm.month = c.month AND hm.household_id = c.household_id),
                        delta AS (
                            SELECT f.municipality, f.basis, f.month, ms.person_id,
                                   sum(CASE WHEN ms.adult_from IS NULL OR f.month >= ms.adult_from THEN f.sign ELSE 0 END) AS adults,
                                   sum(CASE WHEN ms.adult_from IS NULL OR f.month >= ms.adult_from THEN 0 ELSE f.sign END) AS children
                            FROM flip f JOIN spend_membership ms ON ms.household_id = f.household_id
                                AND (ms.from_month IS NULL OR ms.from_month <= f.month) AND (ms.departure_month IS NULL OR f.month < ms.departure_month)
                            WHERE f.sign <> 0
                            GROUP BY f.municipality, f.basis, f.month, ms.person_id)"""
                    + ADD_TO_PERSON_MONTHS,
                withDeltas(householdMonths(changed.stream().map(Map.Entry::getKey).toList()),
                        changed.stream().map(Map.Entry::getValue).toArray(Integer[]::new)));
        // a person month without stays leaves no row: the table is the same however events were batched
        var decreased = changed.stream().filter(entry -> entry.getValue() < 0).map(Map.Entry::getKey).toList();
        if (!decreased.isEmpty()) {
            jdbc.update("""
                            DELETE FROM spend_person_month p
                            USING unnest(?::char(4)[], ?::varchar[], ?::char(7)[], ?::uuid[]) AS c (municipality, basis, month, household_id),
                                  spend_membership ms
                            WHERE ms.household_id = c.household_id AND p.municipality = c.municipality AND p.basis = c.basis
                                AND p.month = c.month AND p.person_id = ms.person_id AND p.adult_stays = 0 AND p.child_stays = 0""",
                    householdMonths(decreased));
            jdbc.update(DELETE_EMPTY_YEARS.formatted("""
                    (SELECT c.municipality, c.month, ms.person_id
                     FROM unnest(?::char(4)[], ?::varchar[], ?::char(7)[], ?::uuid[]) AS c (municipality, basis, month, household_id)
                     JOIN spend_membership ms ON ms.household_id = c.household_id WHERE c.basis = 'BENEFIT_MONTH') c"""),
                    householdMonths(decreased));
        }
    }

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
