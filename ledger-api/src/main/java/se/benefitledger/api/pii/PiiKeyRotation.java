package se.benefitledger.api.pii;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Re-wraps every data key (vault subjects and sealed idempotent responses) under the current master key, a
 * thousand rows per short transaction, while the service keeps answering: until a row is re-wrapped, the previous
 * master key ({@code ledger.pii.previous-master-keys}) still opens it. Ciphertexts are not touched. Running it
 * again re-wraps nothing and answers zeros.
 */
@Service
public class PiiKeyRotation {

    public record Result(long subjects, long storedResponses) {
    }

    private static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PiiKeyRotation.class);

    private final JdbcClient jdbc;
    private final PiiCipher cipher;
    private final TransactionTemplate transactions;

    PiiKeyRotation(JdbcClient jdbc, PiiKeys keys, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.cipher = new PiiCipher(keys);
        // each batch commits on its own, also when the rotation is requested inside a request's transaction
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Result rotate() {
        long subjects = rewrap("pii_subject", "subject_id");
        long responses = rewrap("idempotency_key", "response_key");
        log.info("Key rotation re-wrapped {} vault data keys and {} stored-response keys under the current master key", subjects, responses);
        return new Result(subjects, responses);
    }

    private record Row(UUID id, byte[] wrappedKey) {
    }

    private long rewrap(String table, String idColumn) {
        long rewrapped = 0;
        UUID after = new UUID(0, 0); // the least UUID in PostgreSQL's (unsigned) order
        while (true) {
            UUID from = after;
            List<Row> rows = jdbc.sql("SELECT " + idColumn + ", wrapped_key FROM " + table + " WHERE wrapped_key IS NOT NULL AND "
                                      + idColumn + " > ? ORDER BY " + idColumn + " LIMIT " + BATCH)
                                 .param(from)
                                 .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getBytes(2)))
                                 .list();
            if (rows.isEmpty()) {
                return rewrapped;
            }
            Integer changed = transactions.execute(status -> {
                int count = 0;
                for (Row row : rows) {
                    var rewrappedKey = cipher.rewrap(row.wrappedKey(), row.id());
                    if (rewrappedKey.isPresent()) {
                        // only if unchanged meanwhile: an erasure may have destroyed the key in between
                        count += jdbc.sql("UPDATE " + table + " SET wrapped_key = ? WHERE " + idColumn + " = ? AND wrapped_key = ?")
                                     .params(rewrappedKey.get(), row.id(), row.wrappedKey())
                                     .update();
                    }
                }
                return count;
            });
            rewrapped += changed == null ? 0 : changed;
            after = rows.get(rows.size() - 1).id();
        }
    }
}
