package se.benefitledger.projections.payout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.util.Optional;
import java.util.UUID;

@Service
public class PayoutBatchQueries {

    private final JdbcClient jdbc;

    PayoutBatchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PayoutBatchView> find(UUID batchId) {
        return jdbc.sql("SELECT * FROM payout_batch WHERE batch_id = ?")
                   .param(batchId)
                   .query((rs, row) -> new PayoutBatchView(
                           Sql.uuid(rs, "batch_id"),
                           MunicipalityCode.of(rs.getString("municipality")),
                           Sql.date(rs, "payout_date"),
                           PayoutBatchStatus.valueOf(rs.getString("status")),
                           rs.getInt("payment_count"),
                           Money.ofOre(rs.getLong("control_total_ore")),
                           rs.getInt("executed_count"),
                           Money.ofOre(rs.getLong("executed_ore")),
                           rs.getInt("rejected_count"),
                           Money.ofOre(rs.getLong("rejected_ore")),
                           rs.getInt("payment_count") - rs.getInt("executed_count") - rs.getInt("rejected_count"),
                           Sql.date(rs, "settled_on"),
                           rs.getLong("version")))
                   .optional();
    }

    public Optional<MunicipalityCode> municipalityOf(UUID batchId) {
        return Sql.municipality(jdbc, "payout_batch", "batch_id", batchId, false);
    }
}
