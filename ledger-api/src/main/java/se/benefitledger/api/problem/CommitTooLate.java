package se.benefitledger.api.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import se.benefitledger.api.eventstore.EventIndexHeldTooLongException;

/**
 * Recognises a transaction rolled back because it held event store indexes too long, in any wrapping;
 * {@link DatabaseUnavailableFilter} answers it with 503 and Retry-After: nothing of the transaction was stored (a bulk
 * command's earlier parts were, each in its own), and a retry may succeed.
 */
public final class CommitTooLate {

    private CommitTooLate() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EventIndexHeldTooLongException) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "commit-too-late", "Commit too late",
                "The ledger could not commit the request in time, so what it had not committed was not stored. Retry later: a POST"
                        + " retried with the same Idempotency-Key takes effect at most once, and finishes a payout batch's creation or"
                        + " settlement that had begun (GET /admin/bulk-commands).");
    }
}
