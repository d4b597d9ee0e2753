package se.benefitledger.api.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.PoisonedPayments;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poisoned event (a handler that fails on it) goes to the projection's dead-letter queue: the
 * projection shows ERROR with the event, health goes DOWN after the grace (3 s in tests), the
 * municipality's later events in that report wait behind it (its counters take them in order),
 * every other municipality and projection goes on; after the fix, a retry converges, and an
 * eviction drops it.
 * A projection that stops with events waiting is STALLED: no silent stall either way.
 */
@LedgerApiTest
@ExtendWith(OutputCaptureExtension.class)
class ProjectionDeadLetterTest {

    private static final String SPEND = "monthly-spend";

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    PoisonedPayments poison;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cure() {
        poison.poison(false);
    }

    @Test
    void aPoisonedEventIsDeadLetteredShownAndRetriedAfterTheFix() throws Exception {
        var ledger = new Ledger(port);
        var adam = Users.ADAM.on(port);
        poison.poison(true);
        String municipality = Municipalities.fresh();
        String elsewhere = Municipalities.fresh();
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "5000.00");
        String poisoned = ledger.payment(decision, PoisonedPayments.AMOUNT, "2021-02-25");
        ledger.payment(decision, "100.00", "2021-02-25");
        ledger.payment(ledger.decision(ledger.household(elsewhere), "2021-03", "5000.00"), "100.00", "2021-02-25");
        Projections.awaitCaughtUp(processing, jdbc);

        var spend = await(adam, status -> "ERROR".equals(status.get("status")));
        assertThat(spend.get("deadLetters")).as("the poisoned event, and its municipality's later one parked behind it").isEqualTo(2);
        @SuppressWarnings("unchecked")
        var error = (Map<String, Object>) spend.get("error");
        assertThat(error.get("eventType")).isEqualTo("se.benefitledger.core.payment.PaymentScheduledEvent");
        assertThat(((Number) error.get("globalIndex")).longValue()).isEqualTo(globalIndexOfScheduled(poisoned));
        assertThat((String) error.get("message")).contains("test poison");
        assertThat(error.get("since")).isNotNull();
        assertThat(adam.get("/api/v1/admin/projections").<List<String>>json("$.items[?(@.name != 'monthly-spend')].status"))
                .as("the other projections").containsOnly("RUNNING");
        assertThat(scheduledOre(elsewhere)).as("another municipality's payment is counted").isEqualTo(10_000);
        assertThat(scheduledOre(municipality)).as("the report's counters of a municipality take its events in order").isZero();
        awaitHealth(503);
        assertThat(prometheus()).contains("ledger_projection_status{processor=\"monthly-spend\",status=\"ERROR\"} 1.0",
                "ledger_projection_dead_letters_events{processor=\"monthly-spend\"} 2.0");

        var letters = adam.get("/api/v1/admin/projections/" + SPEND + "/dead-letters");
        assertThat(letters.status()).isEqualTo(200);
        assertThat(letters.<Integer>json("$.total")).isEqualTo(2);
        String id = letters.json("$.items[0].id");
        assertThat(letters.<String>json("$.items[0].causeMessage")).contains("test poison");

        assertThat(adam.post("/api/v1/admin/projections/" + SPEND + "/dead-letters/" + id + "/retry", "").<Boolean>json("$.succeeded"))
                .as("still poisoned").isFalse();
        poison.poison(false);
        var retried = adam.post("/api/v1/admin/projections/" + SPEND + "/dead-letters/" + id + "/retry", "");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.<Boolean>json("$.succeeded")).isTrue();
        assertThat(retried.<Integer>json("$.deadLetters")).isZero();

        assertThat(await(adam, status -> "RUNNING".equals(status.get("status"))).get("error")).isNull();
        assertThat(scheduledOre(municipality)).as("converged").isEqualTo(10_000 + 1_313);
        awaitHealth(200);
    }

    @Test
    void anEvictedEventNeverReachesTheProjectionAndTheEvictionIsLoggedWithActorAndReason(CapturedOutput log) throws Exception {
        var ledger = new Ledger(port);
        var adam = Users.ADAM.on(port);
        poison.poison(true);
        String municipality = Municipalities.fresh();
        ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "5000.00"), PoisonedPayments.AMOUNT, "2021-02-25");
        Projections.awaitCaughtUp(processing, jdbc);
        await(adam, status -> "ERROR".equals(status.get("status")));
        String id = adam.get("/api/v1/admin/projections/" + SPEND + "/dead-letters").json("$.items[0].id");

        assertThat(adam.post("/api/v1/admin/projections/" + SPEND + "/dead-letters/" + id + "/evict", "{}").status())
                .as("a reason is required").isEqualTo(400);
        var evicted = adam.post("/api/v1/admin/projections/" + SPEND + "/dead-letters/" + id + "/evict",
                """
                {"reason": "test data, scheduled by mistake"}""");
        assertThat(evicted.status()).isEqualTo(200);
        assertThat(evicted.<String>json("$.id")).isEqualTo(id);
        assertThat(Users.FRIDA.on(port).post("/api/v1/admin/projections/" + SPEND + "/dead-letters/" + id + "/evict",
                "{\"reason\": \"x\"}").status()).as("ADMIN only").isEqualTo(403);

        var spend = await(adam, status -> "RUNNING".equals(status.get("status")));
        assertThat(spend.get("deadLetters")).isEqualTo(0);
        assertThat(scheduledOre(municipality)).isZero();
        assertThat(log.getOut()).contains("Dead letter " + id + " of projection monthly-spend", "evicted by adam: test data, scheduled by mistake");
    }

    @Test
    void aProjectionThatStopsWithEventsWaitingIsStalledAndTakesHealthDownUntilItRunsAgain() throws Exception {
        var adam = Users.ADAM.on(port);
        var cash = processing.eventProcessor("recovered-cash", StreamingEventProcessor.class).orElseThrow();
        cash.shutDown();
        try {
            new Ledger(port).household(Municipalities.fresh());
            assertThat(await(adam, "recovered-cash", status -> "STALLED".equals(status.get("status"))).get("status")).isEqualTo("STALLED");
            awaitHealth(503);
            assertThat(prometheus()).contains("ledger_projection_status{processor=\"recovered-cash\",status=\"STALLED\"} 1.0");
        } finally {
            cash.start();
        }
        assertThat(await(adam, "recovered-cash", status -> "RUNNING".equals(status.get("status"))).get("status")).isEqualTo("RUNNING");
        awaitHealth(200);
    }

    private long globalIndexOfScheduled(String paymentId) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentScheduledEvent'")
                   .param(paymentId).query(Long.class).single();
    }

    private long scheduledOre(String municipality) {
        return jdbc.sql("SELECT coalesce(sum(scheduled_ore), 0) FROM spend_month WHERE municipality = ? AND basis = 'BENEFIT_MONTH'")
                   .param(municipality).query(Long.class).single();
    }

    private Map<String, Object> await(Http adam, Predicate<Map<String, Object>> condition) throws InterruptedException {
        return await(adam, SPEND, condition);
    }

    /** The projection's item of {@code GET /admin/projections} once it meets the condition, or after 30 s. */
    private Map<String, Object> await(Http adam, String projection, Predicate<Map<String, Object>> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<Map<String, Object>> item = adam.get("/api/v1/admin/projections").json("$.items[?(@.name == '" + projection + "')]");
            if (condition.test(item.get(0)) || Instant.now().isAfter(deadline)) {
                return item.get(0);
            }
            Thread.sleep(100);
        }
    }

    private String prometheus() {
        return Http.to(managementPort).get("/actuator/prometheus").body();
    }

    /** Health answers {@code expected}, and its {@code projections} component says DOWN or UP with it. */
    /** Else every event would cost every projection a query of its dead-letter queue (DeadLetterConfiguration). */
    @Test
    void everyReportAsksItsDeadLetterQueueOnlyForSequencesItMayHaveDeadLettered() {
        var reports = processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance).toList();

        assertThat(reports).hasSizeGreaterThanOrEqualTo(6).allSatisfy(report -> {
            var invoker = ((AbstractEventProcessor) report).eventHandlerInvoker();
            var invokers = invoker instanceof MultiEventHandlerInvoker multi ? multi.delegates() : List.of(invoker);
            assertThat(invokers).isNotEmpty().allSatisfy(each -> assertThat(each).isInstanceOf(DeadLetteringEventHandlerInvoker.class)
                                                                                 .extracting("sequenceIdentifierCacheEnabled").isEqualTo(true));
        });
    }

    private void awaitHealth(int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Http.Response health;
        do {
            health = Http.to(managementPort).get("/actuator/health");
            if (health.status() != expected) {
                Thread.sleep(200);
            }
        } while (health.status() != expected && Instant.now().isBefore(deadline));
        assertThat(health.status()).as("/actuator/health").isEqualTo(expected);
        assertThat(health.<String>json("$.components.projections.status")).isEqualTo(expected == 200 ? "UP" : "DOWN");
    }
}
