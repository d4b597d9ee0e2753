package se.benefitledger.projections.reconciliation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.core.payout.PayoutBatchStatus;
import se.benefitledger.core.shared.Money;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.projections.sql.Sql;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Service
public class ReconciliationQueries {

    /** Must match the partial index reconciliation_payment_discrepancy_idx, so the planner uses it. */
    static final String DISAGREES = """
            NOT (in_batch AND payment_state IS NOT NULL
                 AND coalesce(batch_outcome, 'UNSETTLED') = CASE payment_state WHEN 'RETURNED' THEN 'EXECUTED'
                                                                          WHEN 'BATCHED' THEN 'UNSETTLED'
                                                                          ELSE payment_state END
                 AND (payment_amount_ore IS NULL OR payment_amount_ore = batch_amount_ore))""";

    private final JdbcClient jdbc;

    ReconciliationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReconciliationReport report(MunicipalityCode municipality, LocalDate from, LocalDate to, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM reconciliation_batch WHERE municipality = ? AND payout_date BETWEEN ? AND ?")
                         .params(municipality.code(), from, to).query(Long.class).single();
        var batches = jdbc.sql("""
                                  SELECT * FROM reconciliation_batch WHERE municipality = ? AND payout_date BETWEEN ? AND ?
                                  ORDER BY payout_date, batch_id OFFSET ? LIMIT ?""")
                          .params(municipality.code(), from, to, (long) page * size, size)
                          .query((rs, row) -> rs.getObject("batch_id", UUID.class))
                          .list();
        Map<UUID, List<ReconciliationReport.Discrepancy>> discrepancies = discrepancies(batches);
        var items = jdbc.sql("SELECT * FROM reconciliation_batch WHERE batch_id = ANY (?) ORDER BY payout_date, batch_id")
                        .param(batches.toArray(UUID[]::new))
                        .query((rs, row) -> {
                            int count = rs.getInt("payment_count");
                            int executed = rs.getInt("executed_count");
                            int rejected = rs.getInt("rejected_count");
                            UUID batchId = Sql.uuid(rs, "batch_id");
                            return new ReconciliationReport.Batch(batchId, Sql.date(rs, "payout_date"),
                                    PayoutBatchStatus.valueOf(rs.getString("status")), count, Money.ofOre(rs.getLong("control_total_ore")),
                                    executed, Money.ofOre(rs.getLong("executed_ore")), rejected, Money.ofOre(rs.getLong("rejected_ore")),
                                    rs.getInt("returned_count"), Money.ofOre(rs.getLong("returned_ore")), count - executed - rejected,
                                    discrepancies.getOrDefault(batchId, List.of()));
                        })
                        .list();
        return new ReconciliationReport(municipality, from, to, items, page, size, total);
    }

    private Map<UUID, List<ReconciliationReport.Discrepancy>> discrepancies(List<UUID> batches) {
        var found = new HashMap<UUID, List<ReconciliationReport.Discrepancy>>();
        if (batches.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT * FROM reconciliation_payment WHERE batch_id = ANY (?) AND " + DISAGREES + " ORDER BY batch_id, payment_id")
            .param(batches.toArray(UUID[]::new))
            .query(rs -> {
                String batchState = !rs.getBoolean("in_batch") ? "NOT_INCLUDED"
                        : rs.getString("batch_outcome") == null ? "UNSETTLED" : rs.getString("batch_outcome");
                String ledgerState = rs.getString("payment_state") == null ? "NOT_BATCHED" : rs.getString("payment_state");
                long batchAmount = rs.getLong("batch_amount_ore");
                Long ledgerAmount = (Long) rs.getObject("payment_amount_ore");
                found.computeIfAbsent(Sql.uuid(rs, "batch_id"), id -> new java.util.ArrayList<>())
                     .add(new ReconciliationReport.Discrepancy(Sql.uuid(rs, "payment_id"), batchState,
                             rs.getBoolean("in_batch") ? Money.ofOre(batchAmount) : null, ledgerState,
                             ledgerAmount == null ? null : Money.ofOre(ledgerAmount), null));
            });
        jdbc.sql("SELECT * FROM reconciliation_bank_issue WHERE batch_id = ANY (?) ORDER BY batch_id, message_id, position")
            .param(batches.toArray(UUID[]::new))
            .query(rs -> {
                Long amount = (Long) rs.getObject("bank_amount_ore");
                found.computeIfAbsent(Sql.uuid(rs, "batch_id"), id -> new java.util.ArrayList<>())
                     .add(new ReconciliationReport.Discrepancy(rs.getObject("payment_id", UUID.class), null, null, rs.getString("ledger_state"), null,
                             new ReconciliationReport.Bank(rs.getString("message_id"), rs.getString("problem"), rs.getString("end_to_end_id"),
                                     rs.getString("bank_state"), amount == null ? null : Money.ofOre(amount), rs.getString("detail"))));
            });
        return found;
    }
}
