package se.benefitledger.projections.duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.projections.sql.Sql;

import java.time.YearMonth;

/**
 * Reads the members of households in their assistance months: the one place where a household
 * month meets the {@code household_membership} stays that include it.
 */
public final class Recipients {

    private Recipients() {
    }

    /**
     * @param householdMonths a query answering {@code household_id} and {@code month} (YYYY-MM), one row per assistance month
     */
    public static RecipientMonths of(JdbcClient jdbc, String householdMonths, Object... params) {
        var recipients = new RecipientMonths();
        jdbc.sql("""
                    SELECT hm.month, ms.person_id, ms.role, ms.birth_date FROM (%s) hm
                    JOIN household_membership ms ON ms.household_id = hm.household_id
                        AND (ms.from_month IS NULL OR ms.from_month <= hm.month)
                        AND (ms.departure_month IS NULL OR hm.month < ms.departure_month)""".formatted(householdMonths))
            .params(params)
            .query(rs -> {
                recipients.add(new HouseholdMember(Sql.uuid(rs, "person_id"), MemberRole.valueOf(rs.getString("role")), Sql.date(rs, "birth_date")),
                        YearMonth.parse(rs.getString("month").trim()));
            });
        return recipients;
    }
}
