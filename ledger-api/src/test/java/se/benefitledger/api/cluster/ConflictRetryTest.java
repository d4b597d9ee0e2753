package se.benefitledger.api.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.TestPostgres;
import se.benefitledger.api.support.Users;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that meets a concurrent append to its aggregate (what another node, or a node with a
 * stale cached aggregate, does) is run again in a fresh attempt and answered as if it had come
 * second, instead of 409. The other writer is this test: it appends the decision's next event in
 * a transaction it holds open until the command waits on the event store's unique key.
 */
@LedgerApiTest
class ConflictRetryTest {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void aCommandThatMeetsAConcurrentAppendToItsAggregateIsRunAgainAndSucceeds() throws Exception {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household(Municipalities.fresh()), "2021-03", "5000.00");
        ledger.payment(decision, "100.00", "2021-03-25");

        try (Connection otherNode = TestPostgres.asOwner(url)) {
            otherNode.setAutoCommit(false);
            long appended = appendCopyOfLastEvent(otherNode, decision);
            var scheduling = CompletableFuture.supplyAsync(
                    () -> Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("200.00", "2021-03-25")));
            awaitWaitingForALock(otherNode, scheduling);
            otherNode.commit();

            Http.Response answer = scheduling.get(60, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            try (var query = otherNode.prepareStatement("""
                    SELECT sequence_number FROM domain_event_entry
                    WHERE aggregate_identifier = ? AND payload_type LIKE '%DecisionAmountReservedEvent'
                      AND convert_from(payload, 'UTF8')::jsonb ->> 'paymentId' = ?""")) {
                query.setString(1, decision);
                query.setString(2, answer.json("$.paymentId"));
                var rows = query.executeQuery();
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).as("appended after the other writer's event").isGreaterThan(appended);
            }
            otherNode.commit();
        }
    }

    /** The other writer's event: the decision's last one again, at the next sequence number; answers that number. */
    private static long appendCopyOfLastEvent(Connection connection, String aggregate) throws Exception {
        try (var insert = connection.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                                payload_revision, payload_type, time_stamp)
                SELECT aggregate_identifier, sequence_number + 1, type, ?, meta_data, payload, payload_revision, payload_type, time_stamp
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1
                RETURNING sequence_number""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            var rows = insert.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Until a session waits for a lock this transaction holds (the command's append, on the unique key). */
    private static void awaitWaitingForALock(Connection connection, CompletableFuture<?> command) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try (var waiting = connection.createStatement().executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
                waiting.next();
                if (waiting.getLong(1) > 0) {
                    return;
                }
            }
            assertThat(command).as("the command waits for the other writer").isNotDone();
            assertThat(Instant.now()).as("the command waiting for the other writer's append").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
