package se.benefitledger.projections.balances;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.recovery.ClaimLinks;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.recovery.ClaimedPayment;
import se.benefitledger.core.recovery.LawRegime;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Service
public class RecoveryBalanceQueries {

    private static final TypeReference<List<ClaimedPayment>> LINKS = new TypeReference<>() {
    };
    /** Read without {@code asOf}: every movement recorded, whatever its date. */
    private static final LocalDate EVERYTHING = LocalDate.of(9999, 12, 31);

    /**
     * Each claim's amounts from its movements up to a day; {@code ?} = municipality, the day, the
     * day, then {@link #HOUSEHOLD} or not. The status is {@link ClaimStatus#of} in SQL.
     */
    private static final String CLAIMS = """
            WITH sums AS (
                SELECT b.claim_id, b.household_id, b.ground, b.law_regime, b.decided_on, b.links,
                       sum(m.principal_ore) AS principal, sum(m.repaid_ore) AS repaid, sum(m.waived_ore) AS waived,
                       sum(m.written_off_ore - m.reinstated_ore) AS written_off, sum(m.overpaid_ore - m.refunded_ore) AS refund_due
                FROM recovery_balance b JOIN recovery_movement m ON m.claim_id = b.claim_id
                WHERE b.municipality = ? AND b.decided_on <= ? AND m.on_date <= ? %s
                GROUP BY b.claim_id),
            claims AS (
                SELECT *, principal - repaid - waived - written_off AS outstanding,
                       CASE WHEN principal - repaid - waived - written_off > 0 THEN 'OPEN'
                            WHEN written_off > 0 THEN 'WRITTEN_OFF' ELSE 'CLOSED' END AS status
                FROM sums)
            """;
    private static final String HOUSEHOLD = "AND b.household_id = ?";

    private final JdbcClient jdbc;
    private final Clock clock;

    RecoveryBalanceQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims of the municipality as of {@code asOf} (null: everything recorded), optionally of one
     * household and in one status; totals cover all of them. Claims decided after {@code asOf} are
     * not there yet.
     */
    public RecoveryBalancesReport report(MunicipalityCode municipality, UUID householdId, ClaimStatus status, LocalDate asOf, int page,
                                         int size) {
        LocalDate day = asOf == null ? EVERYTHING : asOf;
        var parameters = new ArrayList<Object>(List.of(municipality.code(), day, day));
        if (householdId != null) {
            parameters.add(householdId);
        }
        String where = "";
        if (status != null) {
            where = " WHERE status = ?";
            parameters.add(status.name());
        }
        String claims = CLAIMS.formatted(householdId == null ? "" : HOUSEHOLD);
        var totals = jdbc.sql(claims + """
                                  SELECT count(*) AS claims, coalesce(sum(principal), 0) AS principal, coalesce(sum(repaid), 0) AS repaid,
                                         coalesce(sum(waived), 0) AS waived, coalesce(sum(written_off), 0) AS written_off,
                                         coalesce(sum(outstanding), 0) AS outstanding, coalesce(sum(refund_due), 0) AS refund_due
                                  FROM claims""" + where)
                         .params(parameters)
                         .query((rs, row) -> new RecoveryBalancesReport.Totals(rs.getLong("claims"), Money.ofOre(rs.getLong("principal")),
                                 Money.ofOre(rs.getLong("repaid")), Money.ofOre(rs.getLong("waived")), Money.ofOre(rs.getLong("written_off")),
                                 Money.ofOre(rs.getLong("outstanding")), Money.ofOre(rs.getLong("refund_due"))))
                         .single();
        LocalDate ageOn = asOf == null ? LocalDate.now(clock) : asOf;
        var pageParameters = new ArrayList<>(parameters);
        pageParameters.add((long) page * size);
        pageParameters.add(size);
        var items = jdbc.sql(claims + "SELECT * FROM claims" + where + " ORDER BY decided_on, claim_id OFFSET ? LIMIT ?")
                        .params(pageParameters)
                        .query((rs, row) -> {
                            Money principal = Money.ofOre(rs.getLong("principal"));
                            Money outstanding = Money.ofOre(rs.getLong("outstanding"));
                            LocalDate decidedOn = Sql.date(rs, "decided_on");
                            int age = ClaimAge.months(decidedOn, ageOn);
                            return new RecoveryBalancesReport.Claim(Sql.uuid(rs, "claim_id"), Sql.uuid(rs, "household_id"), principal,
                                    Money.ofOre(rs.getLong("repaid")), Money.ofOre(rs.getLong("waived")), Money.ofOre(rs.getLong("written_off")),
                                    outstanding, Money.ofOre(rs.getLong("refund_due")), ClaimStatus.valueOf(rs.getString("status")),
                                    RecoveryGround.valueOf(rs.getString("ground")), LawRegime.valueOf(rs.getString("law_regime")), decidedOn,
                                    ClaimLinks.actionDeadline(links(rs.getString("links")), principal, outstanding).orElse(null), age,
                                    ClaimAge.bucket(age));
                        })
                        .list();
        return new RecoveryBalancesReport(municipality, asOf, totals, items, page, size, totals.claims());
    }

    /** Every month from {@code from} to {@code to}: what happened to the municipality's claims, and the receivable at its end. */
    public RecoveryFlowsReport flows(MunicipalityCode municipality, YearMonth from, YearMonth to) {
        long before = jdbc.sql("""
                                  SELECT coalesce(sum(principal_ore - repaid_ore - waived_ore - written_off_ore + reinstated_ore), 0)
                                  FROM recovery_movement WHERE municipality = ? AND on_date < ?""")
                          .params(municipality.code(), from.atDay(1))
                          .query(Long.class)
                          .single();
        Map<YearMonth, RecoveryFlows.MonthSums> sums = new HashMap<>();
        jdbc.sql("""
                    SELECT date_trunc('month', on_date)::date AS month, count(*) FILTER (WHERE kind = 'DECIDED') AS claims,
                           sum(principal_ore) AS principal, sum(repaid_ore) AS repaid, sum(waived_ore) AS waived,
                           sum(written_off_ore) AS written_off, sum(refunded_ore) AS refunded, sum(overpaid_ore) AS overpaid,
                           sum(principal_ore - repaid_ore - waived_ore - written_off_ore + reinstated_ore) AS change
                    FROM recovery_movement WHERE municipality = ? AND on_date >= ? AND on_date <= ?
                    GROUP BY 1""")
            .params(municipality.code(), from.atDay(1), to.atEndOfMonth())
            .query(rs -> {
                sums.put(YearMonth.from(Sql.date(rs, "month")), new RecoveryFlows.MonthSums(rs.getLong("claims"), rs.getLong("principal"),
                        rs.getLong("repaid"), rs.getLong("waived"), rs.getLong("written_off"), rs.getLong("refunded"), rs.getLong("overpaid"),
                        rs.getLong("change")));
            });
        return RecoveryFlows.report(municipality, from, to, before, sums);
    }

    private static List<ClaimedPayment> links(String json) {
        try {
            return RecoveryBalanceProjection.JSON.readValue(json, LINKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable claim links", e);
        }
    }
}
