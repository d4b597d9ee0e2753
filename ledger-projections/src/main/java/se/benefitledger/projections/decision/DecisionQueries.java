package se.benefitledger.projections.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.decision.DecisionLine;
import se.benefitledger.core.decision.DecisionOutcome;
import se.benefitledger.core.decision.DecisionStatus;
import se.benefitledger.core.decision.IncomeLine;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.LegalBasis;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Service
public class DecisionQueries {

    private static final TypeReference<List<DecisionLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<IncomeLine>> INCOMES = new TypeReference<>() {
    };
    private final JdbcClient jdbc;

    DecisionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DecisionView> find(UUID decisionId) {
        return jdbc.sql("SELECT * FROM decision WHERE decision_id = ?")
                   .param(decisionId)
                   .query((rs, row) -> new DecisionView(
                           Sql.uuid(rs, "decision_id"),
                           Sql.uuid(rs, "household_id"),
                           MunicipalityCode.of(rs.getString("municipality")),
                           BenefitMonth.parse(rs.getString("benefit_month")),
                           DecisionOutcome.valueOf(rs.getString("outcome")),
                           LegalBasis.valueOf(rs.getString("legal_basis")),
                           read(rs.getString("lines"), LINES),
                           read(rs.getString("incomes"), INCOMES),
                           Money.ofOre(rs.getLong("approved_ore")),
                           Money.ofOre(rs.getLong("committed_ore")),
                           Sql.date(rs, "decided_on"),
                           DecisionStatus.valueOf(rs.getString("status")),
                           rs.getLong("version")))
                   .optional();
    }

    /** The municipality, locking the row for the caller's transaction (see ScopedResource). */
    public Optional<MunicipalityCode> lockMunicipalityOf(UUID decisionId) {
        return Sql.municipality(jdbc, "decision", "decision_id", decisionId, true);
    }

    /** Locks the row of the decision's household for the caller's transaction, if the decision is known. */
    public void lockHouseholdOf(UUID decisionId) {
        jdbc.sql("SELECT h.household_id FROM household h JOIN decision d USING (household_id) WHERE d.decision_id = ? FOR UPDATE OF h")
            .param(decisionId)
            .query(UUID.class)
            .optional();
    }

    /**
     * Locks the rows of these payments' decisions, in id order, for the caller's transaction: a
     * command on a payment that also changes its decision (a cancellation or a bank rejection
     * releases the decision's reservation) then waits for every other command on that decision.
     */
    public void lockDecisionsOfPayments(Collection<UUID> paymentIds) {
        jdbc.sql("""
                    SELECT decision_id FROM decision
                    WHERE decision_id IN (SELECT decision_id FROM payment WHERE payment_id = ANY (?))
                    ORDER BY decision_id FOR UPDATE""")
            .param(paymentIds.toArray(UUID[]::new))
            .query(UUID.class)
            .list();
    }

    public Optional<MunicipalityCode> municipalityOf(UUID decisionId) {
        return Sql.municipality(jdbc, "decision", "decision_id", decisionId, false);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return DecisionProjection.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable decision lines", e);
        }
    }
}
