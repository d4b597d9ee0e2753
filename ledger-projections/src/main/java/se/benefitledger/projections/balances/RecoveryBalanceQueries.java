package se.benefitledger.projections.balances;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.recovery.LawRegime;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Service
public class RecoveryBalanceQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    RecoveryBalanceQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims of the municipality, optionally of one household and in one status; totals cover all of them. */
    public RecoveryBalancesReport report(MunicipalityCode municipality, UUID householdId, ClaimStatus status, int page, int size) {
        var where = new StringBuilder("municipality = ?");
        var parameters = new ArrayList<Object>(List.of(municipality.code()));
        if (householdId != null) {
            where.append(" AND household_id = ?");
            parameters.add(householdId);
        }
        if (status != null) {
            where.append(" AND status = ?");
            parameters.add(status.name());
        }
        var totals = jdbc.sql("""
                                 SELECT count(*) AS claims, coalesce(sum(principal_ore), 0) AS principal, coalesce(sum(repaid_ore), 0) AS repaid,
                                        coalesce(sum(waived_ore), 0) AS waived, coalesce(sum(written_off_ore), 0) AS written_off
                                 FROM recovery_balance
                                 """ + "WHERE " + where)
                         .params(parameters)
                         .query((rs, row) -> new RecoveryBalancesReport.Totals(rs.getLong("claims"), Money.ofOre(rs.getLong("principal")),
                                 Money.ofOre(rs.getLong("repaid")), Money.ofOre(rs.getLong("waived")), Money.ofOre(rs.getLong("written_off")),
                                 Money.ofOre(rs.getLong("principal") - rs.getLong("repaid") - rs.getLong("waived") - rs.getLong("written_off"))))
                         .single();
        LocalDate today = LocalDate.now(clock);
        var pageParameters = new ArrayList<>(parameters);
        pageParameters.add((long) page * size);
        pageParameters.add(size);
        var items = jdbc.sql("SELECT * FROM recovery_balance WHERE " + where + " ORDER BY decided_on, claim_id OFFSET ? LIMIT ?")
                        .params(pageParameters)
                        .query((rs, row) -> {
                            long principal = rs.getLong("principal_ore");
                            long repaid = rs.getLong("repaid_ore");
                            long waived = rs.getLong("waived_ore");
                            long writtenOff = rs.getLong("written_off_ore");
                            LocalDate decidedOn = Sql.date(rs, "decided_on");
                            int age = ClaimAge.months(decidedOn, today);
                            return new RecoveryBalancesReport.Claim(Sql.uuid(rs, "claim_id"), Sql.uuid(rs, "household_id"), Money.ofOre(principal),
                                    Money.ofOre(repaid), Money.ofOre(waived), Money.ofOre(writtenOff),
                                    Money.ofOre(principal - repaid - waived - writtenOff), ClaimStatus.valueOf(rs.getString("status")),
                                    RecoveryGround.valueOf(rs.getString("ground")), LawRegime.valueOf(rs.getString("law_regime")), decidedOn,
                                    Sql.date(rs, "action_deadline"), age, ClaimAge.bucket(age));
                        })
                        .list();
        return new RecoveryBalancesReport(municipality, totals, items, page, size, totals.claims());
    }
}
