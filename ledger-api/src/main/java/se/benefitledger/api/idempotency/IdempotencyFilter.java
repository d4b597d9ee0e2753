package se.benefitledger.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import se.benefitledger.api.pii.PiiAccessLog;
import se.benefitledger.api.problem.CommitTooLate;
import se.benefitledger.api.problem.DatabaseUnavailable;
import se.benefitledger.api.problem.Problems;
import se.benefitledger.api.security.CurrentUser;
import se.benefitledger.api.web.CachedBodyRequest;
import se.benefitledger.api.web.LedgerRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every POST carries an {@code Idempotency-Key}. The first request with a key takes the key's lock and runs inside
 * one database transaction that records its response with its effects; a retry with the same caller, key and body
 * gets that response again ({@code Idempotent-Replayed: true}) and changes nothing; a retry while the first still
 * runs waits for it (the lock is polled for up to {@code ledger.idempotency.in-flight-wait}, then 409); the same key
 * with another body is 422. A 5xx is not recorded, so the client may retry it. The lock is an advisory lock of the
 * request's transaction ({@link IdempotencyStore#claim}), so a request whose own transaction writes nothing until
 * its answer (a bulk command commits its parts in transactions of their own) holds no transaction id while it runs.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");
    private static final List<String> STORED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG);
    private static final long POLL_MILLIS = 20;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final PlatformTransactionManager transactions;
    private final IdempotencyProperties properties;
    private final ObjectMapper json;
    private final PiiAccessLog accessLog;

    IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactions, IdempotencyProperties properties, ObjectMapper json,
                      PiiAccessLog accessLog) {
        this.store = store;
        this.accessLog = accessLog;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || !VALID_KEY.matcher(key).matches()) {
            write(response, Problems.invalidRequest("Every POST needs an Idempotency-Key header of 1 to 255 printable ASCII characters",
                    List.of(new Problems.FieldError(HEADER, key == null ? "is required" : "must be 1 to 255 printable ASCII characters"))));
            return;
        }
        String caller = CurrentUser.require().name();
        byte[] body = request.getInputStream().readAllBytes();
        byte[] hash = hash(caller, request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
        LedgerRequest.of(request).ifPresent(ledgerRequest -> ledgerRequest.idempotency(key, hash(key, hash)));
        serve(new CachedBodyRequest(request, body), response, chain, caller, key, hash);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String caller, String key,
                       byte[] hash) throws IOException, ServletException {
        Instant giveUp = Instant.now().plus(properties.inFlightWait());
        while (true) {
            TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
            IdempotencyStore.Claim claim;
            try {
                claim = store.claim(caller, key);
            } catch (RuntimeException e) {
                abandon(transaction, e);
                throw e;
            }
            if (!claim.locked()) {
                transactions.rollback(transaction);
                if (Instant.now().isAfter(giveUp)) {
                    write(response, Problems.of(HttpStatus.CONFLICT, "idempotency-request-in-flight", "Request in flight",
                            "A request with this Idempotency-Key is still being processed; retry later"));
                    return;
                }
                pause();
                continue;
            }
            var answer = claim.answer();
            if (answer.isEmpty()) {
                execute(request, response, chain, transaction, caller, key, hash);
                return;
            }
            transactions.rollback(transaction);
            if (answer.get().isFor(hash)) {
                replay(response, answer.get().response());
            } else {
                write(response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
                        "This Idempotency-Key was used for a different request; use a new key for a new request"));
            }
            return;
        }
    }

    /**
     * Runs the request in the transaction that holds its key's lock and records the response with
     * its effects: one transaction, one commit per POST. A refused request (4xx) is rolled back to a savepoint and
     * its answer recorded under the same lock; a failed one (5xx) is rolled back whole, so that a retry runs
     * again.
     */
    private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, TransactionStatus transaction,
                         String caller, String key, byte[] hash) throws IOException, ServletException {
        Object beforeRequest = transaction.createSavepoint();
        var buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
        } catch (IOException | ServletException | RuntimeException e) {
            abandon(transaction, e);
            throw e;
        }
        var stored = new StoredResponse(buffered.getStatus(), storedHeaders(buffered), buffered.getContentAsByteArray(),
                PiiAccessLog.decryptedIn(request));
        if (stored.status() >= 500) {
            try {
                transactions.rollback(transaction);
            } catch (RuntimeException rollbackFailed) {
                // the database has rolled it back with its session; the answer is the 5xx either way
                log.warn("Could not roll back a failed request", rollbackFailed);
            }
            buffered.copyBodyToResponse();
            return;
        }
        try {
            if (stored.status() >= 400) {
                transaction.rollbackToSavepoint(beforeRequest);
            }
            store.complete(caller, key, hash, stored, properties.retention());
            transactions.commit(transaction);
        } catch (RuntimeException commitFailed) {
            abandon(transaction, commitFailed);
            if (DatabaseUnavailable.isCause(commitFailed) || CommitTooLate.isCause(commitFailed)) {
                throw commitFailed;
            }
            response.reset();
            log.error("Could not commit a request's effects; nothing was stored", commitFailed);
            write(response, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "The ledger could not complete the request; nothing was changed"));
            return;
        }
        buffered.copyBodyToResponse();
    }

    /**
     * Rolls back a transaction that failed with {@code failure}, which is what the caller reports. A rollback that
     * fails too (the pool has closed a connection the database dropped, and the database has rolled the
     * transaction back with its session) must not replace it: that would turn "database unavailable" into a 500.
     */
    private void abandon(TransactionStatus transaction, Exception failure) {
        if (transaction.isCompleted()) {
            return;
        }
        try {
            transactions.rollback(transaction);
        } catch (RuntimeException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
        }
    }

    private void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        accessLog.replayed(stored.subjectIds());
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(stored.body());
    }

    private static Map<String, String> storedHeaders(HttpServletResponse response) {
        var headers = new LinkedHashMap<String, String>();
        for (String name : STORED_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a request in flight", e);
        }
    }

    /** The request under its key: the request's hash does not include the key, which the store keeps beside it. */
    private static byte[] hash(String key, byte[] requestHash) {
        return sha256(requestHash, key);
    }

    private static byte[] hash(String caller, String method, String path, String query, byte[] body) {
        return sha256(body, caller, method, path, query == null ? "" : query);
    }

    /** SHA-256 of the parts, each followed by a zero byte, then of {@code last}. */
    private static byte[] sha256(byte[] last, String... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return digest.digest(last);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
