package se.benefitledger.projections.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.recovery.ClaimStatus;
import se.benefitledger.core.recovery.ClaimedPayment;
import se.benefitledger.core.recovery.LawRegime;
import se.benefitledger.core.recovery.RecoveryGround;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Service
public class RecoveryClaimQueries {

    private static final TypeReference<List<ClaimedPayment>> PAYMENTS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;

    RecoveryClaimQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RecoveryClaimView> find(UUID claimId) {
        return jdbc.sql("SELECT * FROM recovery_claim WHERE claim_id = ?")
                   .param(claimId)
                   .query((rs, row) -> new RecoveryClaimView(
                           Sql.uuid(rs, "claim_id"),
                           Sql.uuid(rs, "household_id"),
                           MunicipalityCode.of(rs.getString("municipality")),
                           payments(rs.getString("payments")),
                           Money.ofOre(rs.getLong("principal_ore")),
                           Money.ofOre(rs.getLong("repaid_ore")),
                           Money.ofOre(rs.getLong("waived_ore")),
                           Money.ofOre(rs.getLong("written_off_ore")),
                           Money.ofOre(rs.getLong("refund_due_ore")),
                           ClaimStatus.valueOf(rs.getString("status")),
                           RecoveryGround.valueOf(rs.getString("ground")),
                           LawRegime.valueOf(rs.getString("law_regime")),
                           Sql.date(rs, "decided_on"),
                           Sql.date(rs, "action_deadline"),
                           rs.getLong("version")))
                   .optional();
    }

    /** The municipality, locking the row for the caller's transaction (see ScopedResource). */
    public Optional<MunicipalityCode> lockMunicipalityOf(UUID claimId) {
        return Sql.municipality(jdbc, "recovery_claim", "claim_id", claimId, true);
    }

    public Optional<MunicipalityCode> municipalityOf(UUID claimId) {
        return Sql.municipality(jdbc, "recovery_claim", "claim_id", claimId, false);
    }

    private static List<ClaimedPayment> payments(String json) {
        try {
            return RecoveryClaimProjection.JSON.readValue(json, PAYMENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable claim payments", e);
        }
    }
}
