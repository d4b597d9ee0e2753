package se.benefitledger.projections.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.household.HouseholdMember;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What the monthly extract to Socialstyrelsen reports, from the payment, decision and household read models. */
@Service
public class StatisticsQueries {

    private final JdbcClient jdbc;

    StatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every household of the municipality for which {@code month} is an assistance month, by household id. */
    public List<ExtractHousehold> assistanceHouseholds(MunicipalityCode municipality, YearMonth month) {
        Map<UUID, long[]> amounts = new TreeMap<>();
        jdbc.sql("""
                    SELECT p.household_id, d.legal_basis, sum(p.amount_ore) AS paid FROM payment p JOIN decision d USING (decision_id)
                    WHERE p.municipality = ? AND p.benefit_month = ? AND p.batch_id IS NOT NULL AND p.status = 'EXECUTED'
                    GROUP BY p.household_id, d.legal_basis""")
            .params(municipality.code(), month.toString())
            .query(rs -> {
                int column = switch (LegalBasis.valueOf(rs.getString("legal_basis"))) {
                    case SOL_2025_12_1, SOL_2001_4_1 -> 0;
                    case SOL_2025_12_2, SOL_2001_4_2 -> 1;
                };
                amounts.computeIfAbsent(Sql.uuid(rs, "household_id"), id -> new long[2])[column] += rs.getLong("paid");
            });
        Map<UUID, List<HouseholdMember>> members = new HashMap<>();
        jdbc.sql("""
                    SELECT household_id, person_id, role, birth_date FROM household_membership
                    WHERE household_id = ANY (?) AND (from_month IS NULL OR from_month <= ?) AND (departure_month IS NULL OR ? < departure_month)""")
            .params(amounts.keySet().toArray(UUID[]::new), month.toString(), month.toString())
            .query(rs -> {
                members.computeIfAbsent(Sql.uuid(rs, "household_id"), id -> new ArrayList<>())
                       .add(new HouseholdMember(Sql.uuid(rs, "person_id"), MemberRole.valueOf(rs.getString("role")), Sql.date(rs, "birth_date")));
            });
        return amounts.entrySet().stream()
                      .map(entry -> new ExtractHousehold(entry.getKey(), members.getOrDefault(entry.getKey(), List.of()),
                              Money.ofOre(entry.getValue()[0]), Money.ofOre(entry.getValue()[1])))
                      .toList();
    }
}
