package se.benefitledger.api.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Recognises "the database is not there" in any wrapping; {@link DatabaseUnavailableFilter} answers it with 503 and
 * Retry-After.
 */
public final class DatabaseUnavailable {

    public static final String RETRY_AFTER_SECONDS = "5";

    /** HikariCP's answer on a connection it has already closed. */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        return cause(failure).isPresent();
    }

    /** The failure's innermost sign of an absent database, for the log. */
    static String describe(Throwable failure) {
        return cause(failure).map(Throwable::toString).orElseGet(failure::toString);
    }

    private static Optional<Throwable> cause(Throwable failure) {
        Throwable found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException) {
                found = cause;
            }
            // SQLSTATE class 08: connection exception; 57P01-03: server shutting down or not accepting connections
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                found = cause;
            }
            // a rollback that failed after the connection was lost hides the failure that lost it
            if (found == null && cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                found = cause(rollback.getApplicationException()).orElse(null);
            }
            // HikariCP's proxy of a connection the database dropped: it has no SQL state. It hides the failure in a
            // rollback of a dropped commit ("Commit exception overridden by rollback exception") and in the next
            // statement of a transaction whose connection the database terminated
            if (cause instanceof SQLException sql && sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage())) {
                found = cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "The ledger's database cannot be reached. Retry later: a POST retried with the same Idempotency-Key takes effect at most once.");
    }
}
