package se.benefitledger.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The {@code idempotency_key} table. */
@Repository
class IdempotencyStore {

    enum State { IN_FLIGHT, COMPLETED }

    /** The row as the lock holder sees it. */
    record Claim(byte[] requestHash, State state, StoredResponse response, boolean expired) {
        boolean isFor(byte[] hash) {
            return Arrays.equals(requestHash, hash);
        }
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the key as in flight unless it exists; runs (and commits) on its own. Never waits for
     * a request in flight: an existing row is left alone (and unlocked).
     */
    void claim(String caller, String key, byte[] requestHash, Duration retention) {
        jdbc.sql("""
                INSERT INTO idempotency_key (caller, idempotency_key, request_hash, state, expires_at)
                VALUES (?, ?, ?, 'IN_FLIGHT', ?) ON CONFLICT (caller, idempotency_key) DO NOTHING""")
            .params(caller, key, requestHash, expiry(retention))
            .update();
    }

    /** Takes over an expired key for a new request, inside the transaction that holds its lock. */
    void renew(String caller, String key, byte[] requestHash, Duration retention) {
        jdbc.sql("""
                UPDATE idempotency_key SET request_hash = ?, state = 'IN_FLIGHT', response_status = NULL, response_headers = NULL,
                    response_body = NULL, created_at = now(), expires_at = ?
                WHERE caller = ? AND idempotency_key = ?""")
            .params(requestHash, expiry(retention), caller, key)
            .update();
    }

    /**
     * Locks the key's row for the current transaction. Empty when another request holds it, i.e.
     * a request with this key is in flight.
     */
    Optional<Claim> lock(String caller, String key) {
        return jdbc.sql("""
                        SELECT request_hash, state, response_status, response_headers, response_body, expires_at < now() AS expired
                        FROM idempotency_key
                        WHERE caller = ? AND idempotency_key = ? FOR UPDATE SKIP LOCKED""")
                   .params(caller, key)
                   .query((rs, row) -> new Claim(rs.getBytes("request_hash"), State.valueOf(rs.getString("state")),
                           rs.getString("response_headers") == null ? null
                                   : new StoredResponse(rs.getInt("response_status"), headers(rs.getString("response_headers")),
                                   rs.getBytes("response_body")), rs.getBoolean("expired")))
                   .optional();
    }

    void complete(String caller, String key, byte[] requestHash, StoredResponse response, Duration retention) {
        jdbc.sql("""
                UPDATE idempotency_key SET state = 'COMPLETED', request_hash = ?, response_status = ?, response_headers = ?,
                    response_body = ?, expires_at = ?
                WHERE caller = ? AND idempotency_key = ?""")
            .params(requestHash, response.status(), write(response.headers()), response.body(), expiry(retention), caller, key)
            .update();
    }

    private static OffsetDateTime expiry(Duration retention) {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(retention);
    }

    /** Forgets a key whose request failed for reasons of the service (5xx), so that a retry runs again. */
    void release(String caller, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE caller = ? AND idempotency_key = ? AND state = 'IN_FLIGHT'")
            .params(caller, key)
            .update();
    }

    int deleteExpired() {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < now()").update();
    }

    private Map<String, String> headers(String text) {
        try {
            return json.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored headers", e);
        }
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
