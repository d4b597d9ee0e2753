package se.benefitledger.tools.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the machine can do without the ledger, measured with plain JDBC on the service's own
 * PostgreSQL: COPY of event rows into a table shaped like {@code domain_event_entry} (same columns,
 * same keys), a scan of the event table decoding every payload and metadata with Jackson, and
 * single-row transactions committed by concurrent clients. The scratch table is dropped after.
 */
final class RawLimits {

    private static final String TABLE = "benchmark_raw_event";
    private static final int SAMPLE = 2_000;

    record Throughput(long rows, double seconds) {
        double perSecond() {
            return rows / seconds;
        }
    }

    record Commits(long commits, double seconds, Latencies latencies) {
        double perSecond() {
            return commits / seconds;
        }
    }

    private record Sample(String type, String payloadType, byte[] payload, byte[] metaData) {
    }

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();
    private List<Sample> samples;

    /**
     * As the database's owner: the scratch table is DDL, which the service's role may not run. The embedded run's
     * owner is {@code postgres}; against an external database the service's own connection is used.
     */
    static RawLimits asOwner(ApplicationContext service) {
        return new RawLimits(service.getBeanProvider(EmbeddedPostgres.class)
                                    .stream()
                                    .findFirst()
                                    .map(postgres -> postgres.getDatabase("postgres", "benefit_ledger"))
                                    .orElseGet(() -> service.getBean(DataSource.class)));
    }

    RawLimits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** COPY of {@code rows} event rows, their payloads and metadata taken from real events, in one transaction. */
    Throughput copy(long rows) throws SQLException {
        createTable();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var hex = HexFormat.of();
            String now = Instant.now().toString();
            long started = System.nanoTime();
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY %s (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_type, time_stamp)
                    FROM STDIN""".formatted(TABLE));
            var buffer = new ByteArrayOutputStream(1 << 20);
            String aggregate = null;
            for (long row = 0; row < rows; row++) {
                // four events per aggregate, as a payment has (reservation aside)
                if (row % 4 == 0) {
                    aggregate = UUID.randomUUID().toString();
                }
                Sample sample = samples.get((int) (row % samples.size()));
                String line = aggregate + '\t' + row % 4 + '\t' + sample.type() + '\t' + UUID.randomUUID() + "\t\\\\x" + hex.formatHex(sample.metaData())
                        + "\t\\\\x" + hex.formatHex(sample.payload()) + '\t' + sample.payloadType() + '\t' + now + '\n';
                buffer.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                if (buffer.size() > 1 << 20) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            copy.endCopy();
            connection.commit();
            return new Throughput(rows, (System.nanoTime() - started) / 1e9);
        } finally {
            dropTable();
        }
    }

    /** Reads every event in global order, decoding payload and metadata as JSON. */
    Throughput scan() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = 0;
            long fields = 0;
            try (var statement = connection.prepareStatement("SELECT payload, meta_data FROM domain_event_entry ORDER BY global_index")) {
                statement.setFetchSize(10_000);
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        fields += json.readTree(result.getBytes(1)).size() + json.readTree(result.getBytes(2)).size();
                        rows++;
                    }
                }
            }
            connection.commit();
            if (fields == 0) {
                throw new IllegalStateException("decoded nothing");
            }
            return new Throughput(rows, (System.nanoTime() - started) / 1e9);
        }
    }

    /** {@code clients} connections, each inserting one event row per transaction, for {@code seconds}. */
    Commits commits(int clients, double seconds) throws Exception {
        createTable();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            var latencies = new ConcurrentLinkedQueue<Long>();
            var commits = new AtomicLong();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long started = System.nanoTime();
            var done = new ArrayList<Future<?>>();
            for (int c = 0; c < clients; c++) {
                done.add(threads.submit(() -> {
                    try (Connection connection = dataSource.getConnection();
                         var insert = connection.prepareStatement("""
                                 INSERT INTO %s (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload, payload_type, time_stamp)
                                 VALUES (?, 0, ?, ?, ?, ?, ?, ?)""".formatted(TABLE))) {
                        connection.setAutoCommit(true);
                        for (int i = 0; System.nanoTime() < deadline; i++) {
                            Sample sample = samples.get(i % samples.size());
                            long begin = System.nanoTime();
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, sample.type());
                            insert.setString(3, UUID.randomUUID().toString());
                            insert.setBytes(4, sample.metaData());
                            insert.setBytes(5, sample.payload());
                            insert.setString(6, sample.payloadType());
                            insert.setString(7, Instant.now().toString());
                            insert.executeUpdate();
                            latencies.add(System.nanoTime() - begin);
                            commits.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
            return new Commits(commits.get(), (System.nanoTime() - started) / 1e9, Latencies.of(latencies));
        } finally {
            threads.shutdownNow();
            dropTable();
        }
    }

    private void createTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            if (samples == null) {
                samples = new ArrayList<>();
                try (var result = statement.executeQuery("""
                        SELECT type, payload_type, payload, meta_data FROM domain_event_entry ORDER BY global_index DESC LIMIT %d""".formatted(SAMPLE))) {
                    while (result.next()) {
                        samples.add(new Sample(result.getString(1), result.getString(2), result.getBytes(3), result.getBytes(4)));
                    }
                }
                if (samples.isEmpty()) {
                    throw new IllegalStateException("no events to take payloads from");
                }
            }
            // the columns and keys of domain_event_entry, whatever its migrations made them; a global index sequence of its own
            statement.execute("CREATE SEQUENCE %1$s_seq".formatted(TABLE));
            statement.execute("CREATE TABLE %1$s (LIKE domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES)".formatted(TABLE));
            statement.execute("ALTER TABLE %1$s ALTER COLUMN global_index SET DEFAULT nextval('%1$s_seq')".formatted(TABLE));
        }
    }

    private void dropTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("DROP SEQUENCE IF EXISTS " + TABLE + "_seq");
        }
    }
}
