package se.benefitledger.api.admin;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.benefitledger.api.problem.NotFoundException;
import se.benefitledger.api.security.CurrentUser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The report projections' dead letters: listed from their table, retried through Axon (the whole
 * sequence from its first letter, with the projection's own handlers, in one transaction), or
 * evicted, which is logged with the actor and the reason.
 */
@Service
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String LETTER = """
            SELECT d.dead_letter_id, d.sequence_identifier, d.sequence_index, e.global_index, d.payload_type, d.event_identifier,
                   d.enqueued_at, d.last_touched, d.cause_type, d.cause_message
            FROM dead_letter_entry d LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
            """;

    private final EventProcessingConfiguration processing;
    private final TransactionManager transactions;
    private final JdbcClient jdbc;

    DeadLetters(EventProcessingConfiguration processing, TransactionManager transactions, JdbcClient jdbc) {
        this.processing = processing;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** One dead letter: the event ({@code globalIndex}, type, id), where it stands in its sequence, and why it failed. */
    record Letter(String id, String sequenceIdentifier, long sequenceIndex, Long globalIndex, String eventType, String eventIdentifier,
                  Instant enqueuedAt, Instant lastTouched, String causeType, String causeMessage) {
    }

    record RetryResult(String id, boolean succeeded, long deadLetters) {
    }

    long count(String projection) {
        return jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?").param(projection).query(Long.class).single();
    }

    /** The oldest dead letter, as the projection's failure. */
    Optional<ProjectionStatus.Failure> oldest(String projection) {
        return jdbc.sql(LETTER + " WHERE d.processing_group = ? ORDER BY d.enqueued_at, d.sequence_index LIMIT 1").param(projection)
                   .query(DeadLetters::letter).optional()
                   .map(letter -> new ProjectionStatus.Failure(letter.globalIndex(), letter.eventType(), letter.causeMessage(), letter.enqueuedAt()));
    }

    List<Letter> list(String projection, long offset, int limit) {
        queue(projection);
        return jdbc.sql(LETTER + " WHERE d.processing_group = ? ORDER BY d.enqueued_at, d.sequence_identifier, d.sequence_index OFFSET ? LIMIT ?")
                   .params(projection, offset, limit).query(DeadLetters::letter).list();
    }

    /**
     * Handles the letter's sequence again, from its first letter; answers whether all of it
     * succeeded (else its letters stay, with the new cause). Only a sequence's first letter can be
     * retried: the others wait for it.
     */
    RetryResult retry(String projection, String id) {
        var letter = find(projection, id);
        var processor = processing.sequencedDeadLetterProcessor(projection)
                                  .orElseThrow(() -> new NotFoundException("dead-letter queue", projection));
        boolean succeeded = processor.process(candidate -> candidate instanceof JdbcDeadLetter<?> jdbcLetter
                && jdbcLetter.getIdentifier().equals(letter.id()));
        log.info("Dead letter {} of projection {} (event {}) retried by {}: {}", id, projection, letter.globalIndex(), actor(),
                succeeded ? "handled" : "still failing or not first in its sequence");
        return new RetryResult(id, succeeded, count(projection));
    }

    /** Removes the letter for good: the projection never sees that event. */
    Letter evict(String projection, String id, String reason) {
        var letter = find(projection, id);
        var queue = queue(projection);
        transactions.executeInTransaction(() -> {
            DeadLetter<? extends EventMessage<?>> found = StreamSupport.stream(queue.deadLetterSequence(letter.sequenceIdentifier()).spliterator(), false)
                                                                       .filter(candidate -> candidate instanceof JdbcDeadLetter<?> jdbcLetter
                                                                               && jdbcLetter.getIdentifier().equals(id))
                                                                       .findFirst()
                                                                       .orElseThrow(() -> new NotFoundException("dead letter", id));
            queue.evict(found);
        });
        log.warn("Dead letter {} of projection {} (event {} {}, {}) evicted by {}: {}", id, projection, letter.globalIndex(),
                letter.eventType(), letter.eventIdentifier(), actor(), reason);
        return letter;
    }

    private Letter find(String projection, String id) {
        queue(projection);
        return jdbc.sql(LETTER + " WHERE d.processing_group = ? AND d.dead_letter_id = ?").params(projection, id)
                   .query(DeadLetters::letter).optional()
                   .orElseThrow(() -> new NotFoundException("dead letter", id));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String projection) {
        return processing.deadLetterQueue(projection).orElseThrow(() -> new NotFoundException("projection", projection));
    }

    private static String actor() {
        return CurrentUser.get().map(user -> user.name()).orElse("system");
    }

    private static Letter letter(ResultSet rs, int row) throws SQLException {
        String lastTouched = rs.getString("last_touched");
        return new Letter(rs.getString("dead_letter_id"), rs.getString("sequence_identifier"), rs.getLong("sequence_index"),
                rs.getObject("global_index", Long.class), rs.getString("payload_type"), rs.getString("event_identifier"),
                Instant.parse(rs.getString("enqueued_at")), lastTouched == null ? null : Instant.parse(lastTouched),
                rs.getString("cause_type"), rs.getString("cause_message"));
    }
}
