package se.benefitledger.api.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The event store's hash chain ({@code event_chain}): link n is SHA-256 of link n−1's hash and event n as stored,
 * so changing, removing or slipping in a stored event breaks every link from it on.
 *
 * <p>Links are appended after commit, never in the event's own transaction, in global-index order: a global index is
 * drawn before its transaction commits, so concurrent transactions commit out of index order and an index below the
 * newest may still be filled. {@link #extend} therefore reads the sequence's last index, then takes a snapshot; every
 * transaction holding an index up to it has an id by then (see {@code V71__event_hash_chain.sql}) and is either done
 * or listed as running in the snapshot. Once those are done, every index up to it is settled (stored or never to be),
 * and the events up to it are chained. Writers never wait for the chain; a long transaction only delays it.
 */
@Service
public class EventChain {

    /** What {@code GET /admin/integrity} answers: {@code checked} links verified before the first broken one, if any. */
    public record Verification(boolean ok, long checked, Long firstBrokenAt) {
    }

    private static final int BATCH = 1_000;
    private static final byte[] GENESIS = new byte[32];
    /** pg_try_advisory_xact_lock key: one node extends the chain at a time */
    private static final long CHAINER_LOCK = 0x6576656e74636861L;
    private static final Logger log = LoggerFactory.getLogger(EventChain.class);

    private static final String EVENTS = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, payload_type, payload_revision,
                   time_stamp, meta_data, payload
            FROM domain_event_entry""";

    private final JdbcTemplate jdbc;
    /** streams the whole store through a cursor when verifying */
    private final JdbcTemplate streaming;
    private final TransactionTemplate transactions;
    private final Duration settleWait = Duration.ofSeconds(10);

    EventChain(DataSource dataSource, TransactionTemplate transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(BATCH);
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${ledger.integrity.chain-interval:PT5S}", initialDelayString = "PT5S")
    void extendRegularly() {
        long linked = extend();
        if (linked > 0) {
            log.debug("Chained {} events", linked);
        }
    }

    /** Appends a link for every settled event not yet chained; answers how many. */
    public long extend() {
        Long settled = settledIndex();
        if (settled == null) {
            return 0;
        }
        long linked = 0;
        while (true) {
            Long batch = transactions.execute(status -> chainBatch(settled));
            if (batch == null || batch == 0) {
                return linked;
            }
            linked += batch;
        }
    }

    /** The highest global index below which every index is settled, or null while a transaction holding one still runs. */
    private Long settledIndex() {
        Long last = jdbc.queryForObject("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM domain_event_global_index_seq", Long.class);
        String snapshot = jdbc.queryForObject("SELECT pg_current_snapshot()::text", String.class);
        Instant giveUp = Instant.now().plus(settleWait);
        while (Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_snapshot_xip(?::pg_snapshot) AS xid WHERE pg_xact_status(xid) = 'in progress')",
                Boolean.class, snapshot))) {
            if (Instant.now().isAfter(giveUp)) {
                return null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return last;
    }

    private long chainBatch(long settled) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, CHAINER_LOCK))) {
            return 0;
        }
        List<Object[]> head = jdbc.query("SELECT global_index, hash FROM event_chain ORDER BY global_index DESC LIMIT 1",
                (rs, n) -> new Object[]{rs.getLong(1), rs.getBytes(2)});
        long after = head.isEmpty() ? -1 : (long) head.get(0)[0];
        byte[][] previous = {head.isEmpty() ? GENESIS : (byte[]) head.get(0)[1]};
        var links = new ArrayList<Object[]>();
        jdbc.query(EVENTS + " WHERE global_index > ? AND global_index <= ? ORDER BY global_index LIMIT " + BATCH, rs -> {
            previous[0] = link(previous[0], rs);
            links.add(new Object[]{rs.getLong("global_index"), previous[0]});
        }, after, settled);
        if (!links.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO event_chain (global_index, hash) VALUES (?, ?)", links);
        }
        return links.size();
    }

    /** Extends the chain, then recomputes it from the first event: the first link that does not match names the event changed, removed or inserted there. */
    public Verification verify() {
        extend();
        return transactions.execute(status -> {
            long[] checked = {0};
            Long[] broken = {null};
            byte[][] previous = {GENESIS};
            streaming.query("""
                        SELECT coalesce(e.global_index, c.global_index) AS position, e.global_index, e.event_identifier, e.aggregate_identifier,
                               e.sequence_number, e.type, e.payload_type, e.payload_revision, e.time_stamp, e.meta_data, e.payload, c.hash AS link
                        FROM (SELECT * FROM domain_event_entry WHERE global_index <= (SELECT coalesce(max(global_index), -1) FROM event_chain)) e
                        FULL JOIN event_chain c ON c.global_index = e.global_index
                        ORDER BY position""", rs -> {
                if (broken[0] != null) {
                    return;
                }
                byte[] stored = rs.getBytes("link");
                if (stored == null || rs.getObject("global_index") == null) {
                    broken[0] = rs.getLong("position");
                    return;
                }
                previous[0] = link(previous[0], rs);
                if (!Arrays.equals(previous[0], stored)) {
                    broken[0] = rs.getLong("position");
                    return;
                }
                checked[0]++;
            });
            return new Verification(broken[0] == null, checked[0], broken[0]);
        });
    }

    /** SHA-256 of the previous link and every column of the stored event, each length-prefixed (−1 for null). */
    static byte[] link(byte[] previous, ResultSet event) throws SQLException {
        MessageDigest digest = sha256();
        digest.update(previous);
        field(digest, Long.toString(event.getLong("global_index")));
        field(digest, event.getString("event_identifier"));
        field(digest, event.getString("aggregate_identifier"));
        field(digest, Long.toString(event.getLong("sequence_number")));
        field(digest, event.getString("type"));
        field(digest, event.getString("payload_type"));
        field(digest, event.getString("payload_revision"));
        field(digest, event.getString("time_stamp"));
        field(digest, event.getBytes("meta_data"));
        field(digest, event.getBytes("payload"));
        return digest.digest();
    }

    private static void field(MessageDigest digest, String value) {
        field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
