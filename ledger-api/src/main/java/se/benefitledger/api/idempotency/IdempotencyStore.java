package se.benefitledger.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Repository;
import se.benefitledger.api.pii.PiiSeal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code idempotency_key} table. Response bodies are stored sealed ({@link PiiSeal}): they may show payee names,
 * accounts and personnummer, which are kept in plain text nowhere but in memory.
 */
@Repository
public class IdempotencyStore {

    /** The answer recorded for a key. */
    record Answer(byte[] requestHash, StoredResponse response) {
        boolean isFor(byte[] hash) {
            return Arrays.equals(requestHash, hash);
        }
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final PiiSeal seal;
    private final ObjectMapper json = new ObjectMapper();

    IdempotencyStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PiiSeal seal) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.seal = seal;
    }

    /** Whether this transaction took the key's lock, and the unexpired answer recorded for the key if it did. */
    record Claim(boolean locked, Optional<Answer> answer) {
    }

    /**
     * Takes the key for the current transaction, on every node, unless a request holding it runs, and reads the answer
     * recorded for it: two statements in one round trip. The lock is PostgreSQL's transaction-level advisory lock: it
     * ends with the transaction or the session, and unlike a row it gives the transaction no id. A transaction id held
     * while a bulk command commits its parts would hold back every other session's clean-up (PostgreSQL's
     * {@code xmin}) for the whole command. The answer's statement runs after the lock's and, under READ COMMITTED,
     * sees what was committed when it starts: once the lock is ours, the answer of the request that held it.
     */
    Claim claim(String caller, String key) {
        return jdbcTemplate.execute("""
                SELECT pg_try_advisory_xact_lock(?);
                SELECT request_hash, response_status, response_headers, response_body, response_key, wrapped_key, subject_ids
                FROM idempotency_key
                WHERE caller = ? AND idempotency_key = ? AND state = 'COMPLETED' AND expires_at >= now()""", (PreparedStatement statement) -> {
            statement.setLong(1, lockId(caller, key));
            statement.setString(2, caller);
            statement.setString(3, key);
            statement.execute();
            boolean locked;
            try (var lock = statement.getResultSet()) {
                locked = lock.next() && lock.getBoolean(1);
            }
            statement.getMoreResults();
            try (var answer = statement.getResultSet()) {
                return new Claim(locked, locked && answer.next() ? Optional.of(answer(answer)) : Optional.empty());
            }
        });
    }

    /** The advisory lock's key: 64 bits of the key's SHA-256 (the other advisory locks use small constants). */
    static long lockId(String caller, String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(caller.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return ByteBuffer.wrap(digest.digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private Answer answer(ResultSet rs) throws SQLException {
        return new Answer(rs.getBytes("request_hash"),
                new StoredResponse(rs.getInt("response_status"), headers(rs.getString("response_headers")), body(rs), subjects(rs)));
    }

    private byte[] body(ResultSet rs) throws SQLException {
        byte[] stored = rs.getBytes("response_body");
        byte[] wrappedKey = rs.getBytes("wrapped_key");
        return stored == null || wrappedKey == null ? stored
                : seal.open(rs.getObject("response_key", UUID.class), new PiiSeal.Sealed(wrappedKey, stored));
    }

    private static Set<UUID> subjects(ResultSet rs) throws SQLException {
        var array = rs.getArray("subject_ids");
        return array == null ? Set.of() : Set.of((UUID[]) array.getArray());
    }

    /** Records the answer under the key's lock, in place of an expired one. */
    void complete(String caller, String key, byte[] requestHash, StoredResponse response, Duration retention) {
        UUID responseKey = UUID.randomUUID();
        var sealed = seal.seal(responseKey, response.body());
        jdbc.sql("""
                INSERT INTO idempotency_key (caller, idempotency_key, request_hash, state, response_status, response_headers, response_body,
                    response_key, wrapped_key, subject_ids, expires_at)
                VALUES (?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (caller, idempotency_key) DO UPDATE SET request_hash = excluded.request_hash, state = excluded.state,
                    response_status = excluded.response_status, response_headers = excluded.response_headers,
                    response_body = excluded.response_body, response_key = excluded.response_key, wrapped_key = excluded.wrapped_key,
                    subject_ids = excluded.subject_ids, created_at = excluded.created_at, expires_at = excluded.expires_at""")
            .params(caller, key, requestHash, response.status(), write(response.headers()), sealed.ciphertext(), responseKey, sealed.wrappedKey(),
                    response.subjectIds().toArray(UUID[]::new), expiry(retention))
            .update();
    }

    /**
     * Erasure reaches stored answers too: every stored response that showed one of these subjects has each JSON
     * string equal to one of {@code texts} (the subjects' personnummer, names, accounts) replaced by null, and no
     * longer names the subjects. A retry is then answered with the same status, without the erased data.
     */
    public void redact(Collection<UUID> subjectIds, Collection<String> texts) {
        var erased = subjectIds.toArray(UUID[]::new);
        jdbc.sql("""
                    SELECT caller, idempotency_key, response_body, response_key, wrapped_key FROM idempotency_key
                    WHERE subject_ids && ?::uuid[] AND wrapped_key IS NOT NULL FOR UPDATE""")
            .param(erased)
            .query((rs, row) -> new Object[]{rs.getString(1), rs.getString(2), body(rs)})
            .list()
            .forEach(row -> {
                UUID responseKey = UUID.randomUUID();
                var sealed = seal.seal(responseKey, redacted((byte[]) row[2], Set.copyOf(texts)));
                jdbc.sql("""
                            UPDATE idempotency_key SET response_body = ?, response_key = ?, wrapped_key = ?,
                                subject_ids = ARRAY(SELECT unnest(subject_ids) EXCEPT SELECT unnest(?::uuid[]))
                            WHERE caller = ? AND idempotency_key = ?""")
                    .params(sealed.ciphertext(), responseKey, sealed.wrappedKey(), erased, row[0], row[1])
                    .update();
            });
    }

    private byte[] redacted(byte[] body, Set<String> texts) {
        try {
            JsonNode tree = json.readTree(body);
            return json.writeValueAsBytes(tree == null ? NullNode.getInstance() : redacted(tree, texts));
        } catch (IOException notJson) {
            return new byte[0];
        }
    }

    private static JsonNode redacted(JsonNode node, Set<String> texts) {
        if (node.isTextual() && texts.contains(node.asText())) {
            return NullNode.getInstance();
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(redacted(field.getValue(), texts)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i), texts));
            }
        }
        return node;
    }

    /** Responses stored before they were sealed (by an older version of the service) are sealed now. */
    int sealPlaintextResponses() {
        var rows = jdbc.sql("SELECT caller, idempotency_key, response_body FROM idempotency_key WHERE response_body IS NOT NULL AND wrapped_key IS NULL")
                       .query((rs, row) -> new Object[]{rs.getString(1), rs.getString(2), rs.getBytes(3)})
                       .list();
        for (var row : rows) {
            UUID responseKey = UUID.randomUUID();
            var sealed = seal.seal(responseKey, (byte[]) row[2]);
            jdbc.sql("UPDATE idempotency_key SET response_body = ?, response_key = ?, wrapped_key = ? WHERE caller = ? AND idempotency_key = ? AND wrapped_key IS NULL")
                .params(sealed.ciphertext(), responseKey, sealed.wrappedKey(), row[0], row[1])
                .update();
        }
        return rows.size();
    }

    private static OffsetDateTime expiry(Duration retention) {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(retention);
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
