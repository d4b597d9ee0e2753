package se.benefitledger.api.payment;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A settlement changes 100,000 payment rows; PostgreSQL updates a row in place (HOT), without a new entry in every index
 * of the table, only when no index reads a changed column and the page has room. These tests hold the payment view to
 * both.
 */
@LedgerApiTest
class PaymentRowsInPlaceTest {

    private static final int PAYMENTS = 400;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void noIndexOfThePaymentViewReadsAColumnThatChangesAfterBatching() {
        List<String> indexes = jdbc.sql("""
                        SELECT indexrelid::regclass || ': ' || pg_get_indexdef(indexrelid) FROM pg_index
                        WHERE indrelid = 'payment'::regclass""")
                                   .query(String.class).list();

        assertThat(indexes).hasSize(6).allSatisfy(index -> assertThat(index)
                .doesNotContain("status", "executed_on", "returned_on", "erroneous_ore", "version"));
        assertThat(jdbc.sql("SELECT reloptions FROM pg_class WHERE oid = 'payment'::regclass").query(String.class).single())
                .contains("fillfactor=50");
    }

    @Test
    void settlingABatchUpdatesItsPaymentRowsInPlace() {
        String municipality = Municipalities.fresh();
        List<UUID> scheduled = Stream.generate(UUID::randomUUID).limit(PAYMENTS).toList();
        transaction.executeWithoutResult(status -> scheduled.forEach(payment -> schedule(payment, municipality)));
        // one payment in forty, as a batch takes a municipality's payments from all over the table
        List<UUID> batched = IntStream.range(0, PAYMENTS).filter(i -> i % 40 == 0).mapToObj(scheduled::get).toList();
        transaction.executeWithoutResult(status -> update("""
                UPDATE payment SET status = 'BATCHED', batch_id = ?, version = 1 WHERE payment_id = ANY (?)""", UUID.randomUUID(), batched));

        long inPlace = transaction.execute(status -> {
            long before = hotUpdatesOfThisSession();
            update("UPDATE payment SET status = 'EXECUTED', executed_on = '2025-03-25', version = 2 WHERE payment_id = ANY (?)", batched);
            return hotUpdatesOfThisSession() - before;
        });

        assertThat(inPlace).as("of %s rows settled, updated in place (HOT)", batched.size()).isEqualTo(batched.size());
    }

    /** The session's counts not yet sent to the statistics, which it sends only between transactions. */
    private long hotUpdatesOfThisSession() {
        return jdbc.sql("SELECT pg_stat_get_xact_tuples_hot_updated('payment'::regclass)").query(Long.class).single();
    }

    private void schedule(UUID payment, String municipality) {
        jdbc.sql("""
                    INSERT INTO payment (payment_id, decision_id, household_id, municipality, benefit_month, amount_ore, due_date,
                                         payee_type, payee_id, status, version)
                    VALUES (?, ?, ?, ?, '2025-03', 100, '2025-03-25', 'HOUSEHOLD', ?, 'SCHEDULED', 0)""")
            .params(payment, UUID.randomUUID(), UUID.randomUUID(), municipality, UUID.randomUUID())
            .update();
    }

    private void update(String sql, Object... parameters) {
        Object[] bound = Stream.of(parameters).map(p -> p instanceof List<?> list ? list.toArray(UUID[]::new) : p).toArray();
        jdbc.sql(sql).params(bound).update();
    }
}
