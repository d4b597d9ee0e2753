package se.benefitledger.api.bulk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.config.EventMetadataConfiguration;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.security.AccessControl;
import se.benefitledger.api.web.LedgerRequest;
import se.benefitledger.core.shared.BusinessRuleViolation;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.StateConflict;
import se.benefitledger.projections.json.LedgerJson;
import se.benefitledger.projections.sql.Sql;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one way to run work larger than one bulk command (see {@code docs/bulk-commands.md}): the
 * work is stored as parts of at most {@link se.benefitledger.core.shared.BulkCommand#MAX_AGGREGATES}
 * aggregates, then each part is sent and committed in a transaction of its own, marked done in that
 * same transaction, and the kind's last command completes it. A crash leaves the command RUNNING
 * with its done parts committed; the service resumes it when it starts, and every
 * {@value #RESUME_SECONDS} s any command no runner has touched for that long (another node died, the
 * database was away). {@code GET /admin/bulk-commands} shows them.
 */
@Service
public class BulkCommands {

    static final long RESUME_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(BulkCommands.class);

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final AccessControl access;
    private final Clock clock;
    private final Map<String, BulkKind> kinds;
    private final BulkWork work;
    private final ObjectMapper json = LedgerJson.eventObjectMapper();
    /** How many threads of this node run each command: the resumer leaves those alone. */
    private final Map<UUID, Integer> runners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "bulk-command-resumer");
        thread.setDaemon(true);
        return thread;
    });

    BulkCommands(CommandGateway commands, JdbcClient jdbc, PlatformTransactionManager transactions, AccessControl access, Clock clock,
                 List<BulkKind> kinds, BulkWork work) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.access = access;
        this.clock = clock;
        this.kinds = kinds.stream().collect(Collectors.toMap(BulkKind::name, Function.identity()));
        this.work = work;
    }

    /** A stored command and the object it acts on. */
    public record Started(UUID commandId, UUID targetId) {
    }

    /**
     * Stores the work and commits it (in a transaction of its own, whatever surrounds the call), in
     * the transaction {@code before} runs in: the locks it takes guard what it chose. A retry of the
     * request that stored a command of this kind (same Idempotency-Key, caller and body; the first
     * answer was a failure, 503) gets that command instead, {@code before} not run again, so that
     * {@link #run} finishes the work rather than starting it a second time beside the first.
     * <p>
     * One command at a time acts on a target: when another is still RUNNING on it (a crash or a
     * failed commit stopped it halfway), this one is not stored; that one is finished first, here,
     * and {@code before} runs again on what it left. Its remaining parts were chosen against the
     * target as it was, and would fail halfway on what this one changed meanwhile. {@code before}
     * locks the target's row, so that two starts see each other.
     */
    public Started start(BulkKind kind, UUID targetId, MunicipalityCode municipality, Supplier<List<?>> before) {
        byte[] request = LedgerRequest.current().flatMap(LedgerRequest::retryIdentity).orElse(null);
        var unfinished = new AtomicReference<UUID>();
        while (true) {
            Started started = ownTransaction.execute(status -> {
                var earlier = storedFor(request, kind);
                if (earlier.isPresent()) {
                    log.info("Bulk command {} retried by its request", earlier.get().commandId());
                    return earlier.get();
                }
                List<?> parts = before.get();
                var running = jdbc.sql("SELECT command_id FROM bulk_command WHERE target_id = ? AND status = 'RUNNING' ORDER BY started_at LIMIT 1")
                                  .param(targetId).query(UUID.class).optional();
                if (running.isPresent()) {
                    unfinished.set(running.get());
                    status.setRollbackOnly();
                    return null;
                }
                return store(kind, targetId, municipality, parts, request);
            });
            if (started != null) {
                return started;
            }
            finishFirst(unfinished.get(), kind);
        }
    }

    /** The command of this kind a request with this identity stored, unless it failed. */
    private Optional<Started> storedFor(byte[] request, BulkKind kind) {
        if (request == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT command_id, target_id FROM bulk_command WHERE request_identity = ? AND kind = ? AND status <> 'FAILED'")
                   .params(request, kind.name())
                   .query((rs, row) -> new Started(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
    }

    private Started store(BulkKind kind, UUID targetId, MunicipalityCode municipality, List<?> parts, byte[] request) {
        UUID commandId = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO bulk_command (command_id, kind, target_id, municipality, status, parts, meta_data, started_at, updated_at,
                                                  request_identity)
                        VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?)""")
            .params(commandId, kind.name(), targetId, municipality.code(), parts.size(),
                    write(EventMetadataConfiguration.requestStamp(access, Map.of())), timestamp(now), timestamp(now), request)
            .update();
        for (int part = 0; part < parts.size(); part++) {
            jdbc.sql("INSERT INTO bulk_command_part (command_id, part, payload_type, payload) VALUES (?, ?, ?, ?)")
                .params(commandId, part, parts.get(part).getClass().getName(), write(parts.get(part)))
                .update();
        }
        return new Started(commandId, targetId);
    }

    /** Another command's failure by a rule is its own (FAILED, with the message): the one waiting for it goes on. */
    private void finishFirst(UUID unfinished, BulkKind waiting) {
        log.info("Bulk command {} is still running on its target: finishing it before a {} command starts", unfinished, waiting.name());
        try {
            run(unfinished);
        } catch (BusinessRuleViolation | StateConflict e) {
            log.info("Bulk command {} failed: {}", unfinished, e.getMessage());
        }
    }

    /**
     * Runs the command's remaining parts and its last command, here and now. A refusal by a rule
     * fails the command (FAILED, with the message) and is thrown; so is a command another runner
     * failed (as a {@link StateConflict} with its message); any other failure leaves it
     * RUNNING, to be resumed, and is thrown. The caller's transaction, if any (a request's, which
     * records the answer after the command), waits idle meanwhile. Another runner of the same
     * command (the resumer, a retry of its request, another node) takes turns with this one, a part
     * at a time under the command's row lock; each part runs once.
     */
    public void run(UUID commandId) {
        runners.merge(commandId, 1, Integer::sum);
        try (var ignored = work.begin()) {
            closeFinishedQueries();
            while (Boolean.TRUE.equals(ownTransaction.execute(status -> step(commandId)))) {
                // one part per transaction
            }
        } catch (BusinessRuleViolation | StateConflict e) {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                            UPDATE bulk_command SET status = 'FAILED', error = left(?, 1000), updated_at = ?
                            WHERE command_id = ? AND status = 'RUNNING'""")
                                                            .params(e.getMessage(), timestamp(clock.instant()), commandId).update());
            throw e;
        } finally {
            runners.computeIfPresent(commandId, (id, count) -> count == 1 ? null : count - 1);
        }
    }

    /**
     * PostgreSQL keeps a finished query's snapshot until the session's next statement: the caller's
     * transaction, idle while the parts commit, would hold it for the whole command and keep every
     * session from cleaning up the row versions the parts and the projections leave behind. CLOSE
     * ALL is that next statement (the cursors it closes are all finished).
     */
    private void closeFinishedQueries() {
        jdbc.sql("CLOSE ALL").update();
    }

    public List<BulkCommandView> list() {
        return jdbc.sql("SELECT * FROM bulk_command ORDER BY started_at DESC LIMIT 100").query(BulkCommands::view).list();
    }

    public BulkCommandView find(UUID commandId) {
        return jdbc.sql("SELECT * FROM bulk_command WHERE command_id = ?").param(commandId).query(BulkCommands::view).optional()
                   .orElseThrow(() -> new NotFoundException("bulk command", commandId));
    }

    /** Finishes a RUNNING command in the background; answers it as it is now. */
    public BulkCommandView resume(UUID commandId) {
        var command = find(commandId);
        if (command.status().equals("RUNNING")) {
            resumer.execute(() -> resumeQuietly(commandId));
        }
        return command;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeOnStart() {
        resumer.execute(() -> resumeStale(Duration.ZERO));
        resumer.scheduleWithFixedDelay(() -> resumeStale(Duration.ofSeconds(RESUME_SECONDS)), RESUME_SECONDS, RESUME_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        resumer.shutdownNow();
    }

    private void resumeStale(Duration untouchedFor) {
        try {
            List<UUID> stale = jdbc.sql("SELECT command_id FROM bulk_command WHERE status = 'RUNNING' AND updated_at <= ? ORDER BY started_at")
                                   .param(timestamp(clock.instant().minus(untouchedFor))).query(UUID.class).list();
            stale.stream().filter(id -> !runners.containsKey(id)).forEach(this::resumeQuietly);
        } catch (RuntimeException e) {
            log.warn("Could not look for bulk commands to resume; trying again in {} s", RESUME_SECONDS, e);
        }
    }

    private void resumeQuietly(UUID commandId) {
        try {
            log.info("Resuming bulk command {}", commandId);
            run(commandId);
        } catch (RuntimeException e) {
            log.warn("Bulk command {} stopped: {}", commandId, e.getMessage());
        }
    }

    /** One part, or the last command; answers whether there is more to do. */
    private boolean step(UUID commandId) {
        var command = jdbc.sql("SELECT kind, status, meta_data, error FROM bulk_command WHERE command_id = ? FOR UPDATE").param(commandId)
                          .query((rs, row) -> new Object[]{rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)}).optional()
                          .orElseThrow(() -> new NotFoundException("bulk command", commandId));
        if ("FAILED".equals(command[1])) {
            // another runner (the resumer, a retry, another node) failed it by a rule: this one's caller fails with it
            throw new StateConflict("bulk command " + commandId + " failed: " + command[3]);
        }
        if (!"RUNNING".equals(command[1])) {
            return false;
        }
        BulkKind kind = kinds.get((String) command[0]);
        Map<String, Object> metaData = read((byte[]) command[2], new TypeReference<>() {
        });
        Instant now = clock.instant();
        var next = jdbc.sql("SELECT part, payload_type, payload FROM bulk_command_part WHERE command_id = ? AND NOT done ORDER BY part LIMIT 1")
                       .param(commandId).query((rs, row) -> new Object[]{rs.getInt(1), decode(rs.getString(2), rs.getBytes(3))}).optional();
        if (next.isPresent()) {
            Object result = kind.prepare(next.get()[1]).map(part -> send(part, metaData)).orElse(null);
            // one statement: it is all that comes between the part's events and its commit (LedgerEventStorageEngine)
            jdbc.sql("""
                            WITH part AS (UPDATE bulk_command_part SET done = true, result = ? WHERE command_id = ? AND part = ?)
                            UPDATE bulk_command SET parts_done = parts_done + 1, updated_at = ? WHERE command_id = ?""")
                .params(result == null ? null : write(result), commandId, next.get()[0], timestamp(now), commandId).update();
            return true;
        }
        var parts = new ArrayList<Object>();
        var results = new ArrayList<JsonNode>();
        jdbc.sql("SELECT payload_type, payload, result FROM bulk_command_part WHERE command_id = ? ORDER BY part").param(commandId)
            .query(rs -> {
                parts.add(decode(rs.getString(1), rs.getBytes(2)));
                byte[] result = rs.getBytes(3);
                results.add(result == null ? null : read(result, new TypeReference<JsonNode>() {
                }));
            });
        kind.finish(parts, results).ifPresent(last -> send(last, metaData));
        jdbc.sql("UPDATE bulk_command SET status = 'COMPLETED', updated_at = ? WHERE command_id = ?").params(timestamp(now), commandId).update();
        return false;
    }

    private Object send(Object command, Map<String, Object> metaData) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private Object decode(String type, byte[] payload) {
        try {
            return json.readValue(payload, Class.forName(type));
        } catch (ClassNotFoundException | IOException e) {
            throw new IllegalStateException("cannot read a bulk command part of type " + type, e);
        }
    }

    private <T> T read(byte[] bytes, TypeReference<T> type) {
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return Sql.timestamp(instant);
    }

    private static BulkCommandView view(ResultSet rs, int row) throws SQLException {
        return new BulkCommandView(rs.getObject("command_id", UUID.class), rs.getString("kind"), rs.getObject("target_id", UUID.class),
                rs.getString("municipality"), rs.getString("status"), rs.getInt("parts"), rs.getInt("parts_done"), rs.getString("error"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
