package se.benefitledger.projections.payout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.payout.BankReportIssue;
import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Service
public class PayoutBatchQueries {

    private static final TypeReference<List<BankReportIssue>> ISSUES = new TypeReference<>() {
    };
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

    /**
     * Locks the batch's row for the caller's transaction, before the batch is loaded: commands on one batch that run
     * side by side (parts of two settlements, two bank reports) then take turns, each loading what the last committed.
     */
    public void lock(UUID batchId) {
        Sql.municipality(jdbc, "payout_batch", "batch_id", batchId, true);
    }

    /** The bank message {@code messageId} as it was applied to the batch, if it was. */
    public Optional<RecordedBankReport> bankReport(UUID batchId, String messageId) {
        return jdbc.sql("SELECT * FROM bank_report WHERE batch_id = ? AND message_id = ?")
                   .params(batchId, messageId)
                   .query((rs, row) -> new RecordedBankReport(rs.getString("message_id"), rs.getInt("applied"), issues(rs.getString("unmatched")),
                           issues(rs.getString("conflicts"))))
                   .optional();
    }

    private static List<BankReportIssue> issues(String json) {
        try {
            return PayoutBatchProjection.JSON.readValue(json, ISSUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable bank report issues", e);
        }
    }
}
