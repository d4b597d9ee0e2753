package se.benefitledger.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentRejectedEvent;
import se.benefitledger.projections.json.LedgerJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A municipality's payouts computed as plainly as possible from the events in the store (every
 * executed and rejected payment, decoded one by one), against the reconciliation report's batch
 * rows and the monthly-spend report's executed totals.
 */
public final class PayoutFromEvents {

    private static final ObjectMapper JSON = LedgerJson.eventObjectMapper();

    private PayoutFromEvents() {
    }

    /** Per batch: executed count and öre, rejected count and öre. */
    public record Batch(int executed, long executedOre, int rejected, long rejectedOre) {
        Batch plus(Batch other) {
            return new Batch(executed + other.executed, executedOre + other.executedOre, rejected + other.rejected, rejectedOre + other.rejectedOre);
        }
    }

    public static Map<UUID, Batch> fromEvents(JdbcClient jdbc, String municipality) {
        var batches = new TreeMap<UUID, Batch>();
        jdbc.sql("""
                        SELECT payload_type, payload FROM domain_event_entry
                        WHERE payload_type IN ('se.benefitledger.core.payment.PaymentExecutedEvent', 'se.benefitledger.core.payment.PaymentRejectedEvent')
                        ORDER BY global_index""")
            .query(rs -> {
                try {
                    if (rs.getString(1).endsWith("PaymentExecutedEvent")) {
                        var executed = JSON.readValue(rs.getBytes(2), PaymentExecutedEvent.class);
                        if (executed.municipality().code().equals(municipality)) {
                            batches.merge(executed.batchId(), new Batch(1, executed.amount().ore(), 0, 0), Batch::plus);
                        }
                    } else {
                        var rejected = JSON.readValue(rs.getBytes(2), PaymentRejectedEvent.class);
                        if (rejected.municipality().code().equals(municipality)) {
                            batches.merge(rejected.batchId(), new Batch(0, 0, 1, rejected.amount().ore()), Batch::plus);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        return batches;
    }

    /** The reconciliation rows and monthly-spend totals of the municipality equal what the events say. */
    public static void assertReportsMatch(JdbcClient jdbc, String municipality) {
        var expected = fromEvents(jdbc, municipality);
        var reported = new TreeMap<UUID, Batch>();
        jdbc.sql("SELECT batch_id, executed_count, executed_ore, rejected_count, rejected_ore FROM reconciliation_batch WHERE municipality = ?")
            .param(municipality)
            .query(rs -> {
                var batch = new Batch(rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getLong(5));
                if (!batch.equals(new Batch(0, 0, 0, 0))) {
                    reported.put(rs.getObject(1, UUID.class), batch);
                }
            });
        assertThat(reported).as("reconciliation of " + municipality).isEqualTo(expected);
        long executedOre = expected.values().stream().mapToLong(Batch::executedOre).sum();
        for (String basis : new String[]{"BENEFIT_MONTH", "PAYMENT_DATE"}) {
            assertThat(jdbc.sql("SELECT coalesce(sum(executed_ore), 0) FROM spend_month WHERE municipality = ? AND basis = ?")
                           .params(municipality, basis).query(Long.class).single())
                    .as("monthly spend executed, " + basis + ", " + municipality).isEqualTo(executedOre);
        }
    }
}
