package se.benefitledger.api.eventstore;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;
import se.benefitledger.core.household.HouseholdRegisteredEvent;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction may hold event store indexes (from its first insert until its commit) for
 * {@code ledger.event-store.max-index-hold}, here 2 s; one that takes longer is rolled back, because the projections
 * stop waiting for an uncommitted index after a minute and would never handle its events. While a bulk part holds
 * its block of indexes, this node's other inserts wait for it ({@link AppendGate}; here for up to 10 s).
 */
@LedgerApiTest
@TestPropertySource(properties = {"ledger.event-store.max-index-hold=2s", "ledger.event-store.append-gate-wait=10s"})
class EventIndexHoldTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void commitsEventsWithinTheLimit() {
        UUID household = UUID.randomUUID();

        new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(registered(household)));

        assertThat(stored(household)).isOne();
    }

    @Test
    void rollsBackATransactionThatHeldItsEventIndexesLongerThanTheLimit() {
        UUID household = UUID.randomUUID();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            storage.appendEvents(registered(household));
            sleep(Duration.ofMillis(2_500));
        })).isInstanceOf(EventIndexHeldTooLongException.class).hasMessageContaining("longer than ledger.event-store.max-index-hold (2.0 s)");

        assertThat(stored(household)).isZero();
    }

    /**
     * A caseworker's payment waits, after its events are inserted, for the payment table another transaction has locked
     * (its view row is written after the events, in the same transaction): 503 with Retry-After and nothing stored; the
     * same request retried with its Idempotency-Key then takes effect once. (This context has a database of its own.)
     */
    @Test
    void answersACommandHeldUpPastTheLimit503AndItsRetryTakesEffectOnce() throws Exception {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household(Municipalities.fresh()), "2025-03", "9000.00");
        var caseworker = Users.NILS.on(port).header("Idempotency-Key", UUID.randomUUID().toString());

        var heldUp = whilePaymentsLocked(() -> caseworker.post("/api/v1/decisions/" + decision + "/payments",
                Ledger.paymentJson("4000.00", "2025-02-25")));
        var retried = caseworker.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("4000.00", "2025-02-25"));

        assertCommitTooLate(heldUp);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE decision_id = ?").param(UUID.fromString(decision)).query(Long.class).single())
                .isOne();
    }

    /**
     * A payout batch's creation whose part commits too late (its insert held up by another transaction's) is
     * rolled back with its mark as done: 503, the command RUNNING with that part still to do. Retried with its
     * Idempotency-Key, the request finishes that command: one batch, not a second one beside it.
     */
    @Test
    void aBatchCreationRetriedWithItsKeyAfterACommitTooLateFinishesTheSameBatch() throws Exception {
        var due = twoPaymentsDue();
        String municipality = due.municipality();
        var frida = Users.FRIDA.on(port).header("Idempotency-Key", UUID.randomUUID().toString());
        String body = creation(municipality);

        var heldUp = whileNextEventHeld(due.rent(), () -> frida.post("/api/v1/payout-batches", body));

        assertCommitTooLate(heldUp);
        var creating = bulkCommands("CREATE_PAYOUT_BATCH", municipality);
        assertThat(creating).singleElement().satisfies(command -> assertThat(command).containsEntry("status", "RUNNING")
                                                                                     .containsEntry("partsDone", 0));
        String batch = (String) creating.get(0).get("targetId");

        var retried = frida.post("/api/v1/payout-batches", body);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.<String>json("$.batchId")).isEqualTo(batch);
        assertThat(retried.<Integer>json("$.paymentCount")).isEqualTo(2);
        assertThat(bulkCommands("CREATE_PAYOUT_BATCH", municipality)).singleElement()
                                                                     .satisfies(command -> assertThat(command).containsEntry("status", "COMPLETED"));
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + due.rent()).<String>json("$.batchId")).isEqualTo(batch);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + due.norm()).<String>json("$.batchId")).isEqualTo(batch);
    }

    /**
     * The service finishes a stopped command by itself (here an administrator's resume, as the service's own after 30 s);
     * a retry that comes afterwards answers the batch that command created, and creates none.
     */
    @Test
    void aBatchCreationRetriedAfterItsCommandWasFinishedAnswersThatBatch() throws Exception {
        var stopped = stoppedCreation();
        assertThat(Users.ADAM.on(port).post("/api/v1/admin/bulk-commands/" + stopped.commandId() + "/resume", "").status()).isEqualTo(202);
        var deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!"COMPLETED".equals(bulkCommands("CREATE_PAYOUT_BATCH", stopped.municipality()).get(0).get("status"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        var retried = stopped.retry();

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.<String>json("$.batchId")).isEqualTo(stopped.batchId());
        assertThat(bulkCommands("CREATE_PAYOUT_BATCH", stopped.municipality())).singleElement()
                                                                     .satisfies(command -> assertThat(command).containsEntry("status", "COMPLETED"));
    }

    /**
     * A retry that comes while the service's resumer is running the stopped command (its part held up again) takes
     * turns with it part by part and answers the batch: not a 409 "being run already", which the key would then replay
     * for good.
     */
    @Test
    void aBatchCreationRetriedWhileTheServiceResumesItsCommandAnswersThatBatch() throws Exception {
        var stopped = stoppedCreation();

        var retried = whileNextEventHeld(stopped.rent(), () -> {
            assertThat(Users.ADAM.on(port).post("/api/v1/admin/bulk-commands/" + stopped.commandId() + "/resume", "").status())
                    .isEqualTo(202);
            sleep(Duration.ofMillis(500));
            return stopped.retry();
        });

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.<String>json("$.batchId")).isEqualTo(stopped.batchId());
        assertThat(stopped.retry().<String>json("$.batchId")).as("the answer the key replays").isEqualTo(stopped.batchId());
    }

    /**
     * The same for a settlement: its part rolled back, no payment has its result; the retry with the same key finishes
     * the stored command (not a second one, which would leave the first to fail on payments already settled), and every
     * payment is settled once.
     */
    @Test
    void aSettlementRetriedWithItsKeyAfterACommitTooLateFinishesTheSameCommandAndSettlesEveryPaymentOnce() throws Exception {
        var due = twoPaymentsDue();
        String municipality = due.municipality();
        String rent = due.rent();
        String norm = due.norm();
        String batch = new Ledger(port).batch(municipality, "2021-02-25").json("$.batchId");
        var frida = Users.FRIDA.on(port).header("Idempotency-Key", UUID.randomUUID().toString());
        String body = """
                {"settledOn": "2021-02-25", "results": [{"paymentId": "%s", "status": "EXECUTED"}, {"paymentId": "%s", "status": "EXECUTED"}]}"""
                .formatted(rent, norm);

        var heldUp = whileNextEventHeld(rent, () -> frida.post("/api/v1/payout-batches/" + batch + "/settlement", body));

        assertCommitTooLate(heldUp);
        assertThat(bulkCommands("SETTLE_PAYOUT_BATCH", municipality)).singleElement()
                .satisfies(command -> assertThat(command).containsEntry("status", "RUNNING").containsEntry("parts", 1).containsEntry("partsDone", 0));
        assertThat(executions(rent) + executions(norm)).isZero();

        var retried = frida.post("/api/v1/payout-batches/" + batch + "/settlement", body);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.<String>json("$.status")).isEqualTo("SETTLED");
        assertThat(bulkCommands("SETTLE_PAYOUT_BATCH", municipality)).singleElement()
                                                                      .satisfies(command -> assertThat(command).containsEntry("status", "COMPLETED"));
        assertThat(executions(rent)).isOne();
        assertThat(executions(norm)).isOne();
    }

    /**
     * A bank report is applied in parts too: one settling a payment on 25 February and another on 26 February settles
     * them in two parts. The second part, held up, rolls back: 503, the first payment settled, the report RUNNING and
     * not recorded. Retried with its Idempotency-Key, the request finishes that report.
     */
    @Test
    void aBankReportRetriedWithItsKeyAfterACommitTooLateFinishesTheSameReport() throws Exception {
        var stopped = stoppedReport();

        var retried = stopped.finance().postXml("/api/v1/payout-batches/" + stopped.batch() + "/bank-reports", stopped.report());

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.<Integer>json("$.applied")).isEqualTo(2);
        assertThat(retried.<Boolean>json("$.alreadyApplied")).isFalse();
        assertReportFinished(stopped);
    }

    /**
     * The same message sent again by another request (the finance officer uploads the file once more) finds the
     * report stopped halfway, finishes it, and answers it as already applied: each payment settled once, the message
     * recorded once. Deciding it anew would count only what the first half left, and leave the first half's command to
     * fail on the payment the second one settled.
     */
    @Test
    void theSameBankReportSentAgainAfterItStoppedHalfwayFinishesItAndIsAppliedOnce() throws Exception {
        var stopped = stoppedReport();

        var again = Users.FRIDA.on(port).postXml("/api/v1/payout-batches/" + stopped.batch() + "/bank-reports", stopped.report());

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.<Integer>json("$.applied")).isEqualTo(2);
        assertThat(again.<Boolean>json("$.alreadyApplied")).isTrue();
        assertReportFinished(stopped);
    }

    /**
     * A settlement typed in by hand for the payment a stopped report has still to settle: the report is finished first,
     * and the settlement is refused for a payment already settled, changing nothing. Run the other way round, the
     * settlement would settle it and the report fail halfway, never recorded.
     */
    @Test
    void aSettlementOfABatchWhoseBankReportStoppedHalfwayFinishesTheReportFirst() throws Exception {
        var stopped = stoppedReport();

        var settlement = Users.FRIDA.on(port).post("/api/v1/payout-batches/" + stopped.batch() + "/settlement", """
                {"settledOn": "2021-02-27", "results": [{"paymentId": "%s", "status": "REJECTED", "reason": "AC04"}]}"""
                .formatted(stopped.norm()));

        assertThat(settlement.status()).as(settlement.toString()).isEqualTo(422);
        assertThat(settlement.<String>json("$.detail")).contains("already settled");
        assertReportFinished(stopped);
        assertThat(bulkCommands("SETTLE_PAYOUT_BATCH", stopped.municipality())).as("nothing stored").isEmpty();
    }

    /**
     * A bulk command's events (it announced its aggregates, as every bulk command does) are inserted last in its unit of
     * work and close this node's append gate until their transaction commits: an ordinary insert meanwhile waits, and
     * commits after them, with later indexes, so that no projection sees the bulk command's block as gaps. Without the
     * gate it commits at once, ahead of the block.
     */
    @Test
    void anOrdinaryInsertWaitsForABulkCommandsEventsUntilTheyAreCommitted() throws Exception {
        UUID bulkHousehold = UUID.randomUUID();
        UUID ordinaryHousehold = UUID.randomUUID();
        var inserted = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(2);
        var bulk = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            var unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a bulk command"));
            ((LedgerEventStorageEngine) storage).prefetch(List.of(bulkHousehold.toString()));
            storage.appendEvents(registered(bulkHousehold));
            assertThat(stored(bulkHousehold)).as("inserted before the unit of work's prepare-commit phase").isZero();
            unitOfWork.commit();
            inserted.countDown();
            await(commit);
        }), threads);
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();

        double waitedBefore = gateWait().totalTime(TimeUnit.MILLISECONDS);
        var inserting = new CountDownLatch(1);
        var ordinary = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            inserting.countDown();
            storage.appendEvents(registered(ordinaryHousehold));
        }), threads);
        assertThat(inserting.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        boolean insertedWhileHeld = ordinary.isDone();
        commit.countDown();
        bulk.get(10, TimeUnit.SECONDS);
        ordinary.get(10, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(insertedWhileHeld).as("inserted while the bulk command held its indexes").isFalse();
        assertThat(globalIndex(ordinaryHousehold)).isGreaterThan(globalIndex(bulkHousehold));
        // held 300 ms after the insert began; the metric counts from the gate on, a moment later on a busy machine
        assertThat(gateWait().totalTime(TimeUnit.MILLISECONDS) - waitedBefore).as("the wait, in the metric")
                .isGreaterThanOrEqualTo(200);
    }

    private FunctionTimer gateWait() {
        return meters.get("ledger.event-store.append-gate.wait").functionTimer();
    }

    /** Two SCHEDULED payments of a household of a municipality of their own, due on the payout date 2021-02-25. */
    private record Due(String municipality, String rent, String norm) {
    }

    private Due twoPaymentsDue() {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "3000.00");
        return new Due(municipality, ledger.payment(decision, "1000.00", "2021-02-25"), ledger.payment(decision, "2000.00", "2021-02-25"));
    }

    /** A bank report answered 503 halfway: its first payment settled, the second held up, the report not recorded. */
    private record StoppedReport(String municipality, String batch, String rent, String norm, String report, Http finance) {
    }

    private StoppedReport stoppedReport() throws Exception {
        var due = twoPaymentsDue();
        String batch = new Ledger(port).batch(due.municipality(), "2021-02-25").json("$.batchId");
        String report = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
                  <GrpHdr><MsgId>STS-%4$s</MsgId><CreDtTm>2021-02-26T18:00:00+01:00</CreDtTm></GrpHdr>
                  <OrgnlGrpInfAndSts><OrgnlMsgId>%1$s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>ACSC</GrpSts></OrgnlGrpInfAndSts>
                  <OrgnlPmtInfAndSts><OrgnlPmtInfId>%1$s</OrgnlPmtInfId>
                    <TxInfAndSts><OrgnlEndToEndId>%2$s</OrgnlEndToEndId><TxSts>ACSC</TxSts><AccptncDtTm>2021-02-25T09:30:00+01:00</AccptncDtTm></TxInfAndSts>
                    <TxInfAndSts><OrgnlEndToEndId>%3$s</OrgnlEndToEndId><TxSts>ACSC</TxSts><AccptncDtTm>2021-02-26T09:30:00+01:00</AccptncDtTm></TxInfAndSts>
                  </OrgnlPmtInfAndSts>
                </CstmrPmtStsRpt></Document>""".formatted(batch.replace("-", ""), due.rent().replace("-", ""), due.norm().replace("-", ""), due.municipality());
        var finance = Users.FRIDA.on(port).header("Idempotency-Key", UUID.randomUUID().toString());

        assertCommitTooLate(whileNextEventHeld(due.norm(), () -> finance.postXml("/api/v1/payout-batches/" + batch + "/bank-reports", report)));

        assertThat(bulkCommands("APPLY_BANK_REPORT", due.municipality())).singleElement().satisfies(command -> assertThat(command)
                .containsEntry("status", "RUNNING").containsEntry("parts", 3).containsEntry("partsDone", 1));
        assertThat(executions(due.rent())).isOne();
        assertThat(executions(due.norm())).isZero();
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch).<String>json("$.status")).isEqualTo("CREATED");
        return new StoppedReport(due.municipality(), batch, due.rent(), due.norm(), report, finance);
    }

    private void assertReportFinished(StoppedReport stopped) {
        assertThat(executions(stopped.rent())).isOne();
        assertThat(executions(stopped.norm())).isOne();
        assertThat(bulkCommands("APPLY_BANK_REPORT", stopped.municipality())).singleElement()
                                                                            .satisfies(command -> assertThat(command).containsEntry("status", "COMPLETED"));
        assertThat(jdbc.sql("SELECT count(*) FROM bank_report WHERE batch_id = ?").param(UUID.fromString(stopped.batch())).query(Long.class).single())
                .isOne();
        var batch = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + stopped.batch());
        assertThat(batch.<String>json("$.status")).isEqualTo("SETTLED");
        assertThat(batch.<Integer>json("$.executedCount")).isEqualTo(2);
    }

    /** A batch creation answered 503, its part held up past the deadline: its command RUNNING, and how to retry it. */
    private record StoppedCreation(String municipality, String rent, String commandId, String batchId, Supplier<Http.Response> retried) {
        Http.Response retry() {
            return retried.get();
        }
    }

    private StoppedCreation stoppedCreation() throws Exception {
        var due = twoPaymentsDue();
        String municipality = due.municipality();
        var frida = Users.FRIDA.on(port).header("Idempotency-Key", UUID.randomUUID().toString());
        String body = creation(municipality);
        assertCommitTooLate(whileNextEventHeld(due.rent(), () -> frida.post("/api/v1/payout-batches", body)));
        var command = bulkCommands("CREATE_PAYOUT_BATCH", municipality).get(0);
        return new StoppedCreation(municipality, due.rent(), (String) command.get("commandId"), (String) command.get("targetId"),
                () -> frida.post("/api/v1/payout-batches", body));
    }

    private static String creation(String municipality) {
        return """
                {"municipality": "%s", "payoutDate": "2021-02-25"}""".formatted(municipality);
    }

    /** The request, sent while another transaction holds the payment table. */
    private Http.Response whilePaymentsLocked(Supplier<Http.Response> request) throws Exception {
        return whileHeld(() -> jdbc.sql("LOCK TABLE payment IN SHARE MODE").update(), request);
    }

    /**
     * The request, sent while another transaction holds the aggregate's next event inserted, not committed: a bulk part,
     * which inserts its events after its views' rows, waits on the event's unique key with its indexes taken, and
     * inserts once that transaction has rolled back.
     */
    private Http.Response whileNextEventHeld(String aggregate, Supplier<Http.Response> request) throws Exception {
        return whileHeld(() -> jdbc.sql("""
                                                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, event_identifier, payload,
                                                                                payload_type, time_stamp)
                                                SELECT aggregate_identifier, max(sequence_number) + 1, gen_random_uuid()::text, '{}'::bytea,
                                                       'held', now()::text
                                                FROM domain_event_entry WHERE aggregate_identifier = ? GROUP BY aggregate_identifier""")
                                    .param(aggregate).update(), request);
    }

    /** The request, sent while another transaction has done {@code hold} and waits 3.5 s (the limit here is 2 s), then rolls back. */
    private Http.Response whileHeld(Runnable hold, Supplier<Http.Response> request) throws Exception {
        var held = new CountDownLatch(1);
        var holding = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            hold.run();
            held.countDown();
            sleep(Duration.ofMillis(3_500));
            status.setRollbackOnly();
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        var response = request.get();
        holding.get(10, TimeUnit.SECONDS);
        return response;
    }

    private static void assertCommitTooLate(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.<String>json("$.type")).endsWith("/commit-too-late");
        assertThat(response.header("Retry-After")).isPresent();
    }

    /** The municipality's bulk commands of the kind in {@code GET /admin/bulk-commands}. */
    private List<Map<String, Object>> bulkCommands(String kind, String municipality) {
        return Users.ADAM.on(port).get("/api/v1/admin/bulk-commands")
                         .json("$.items[?(@.kind == '" + kind + "' && @.municipality == '" + municipality + "')]");
    }

    private long executions(String payment) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%PaymentExecutedEvent'")
                   .param(payment).query(Long.class).single();
    }

    private long globalIndex(UUID household) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?").param(household.toString())
                   .query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long stored(UUID household) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(household.toString()).query(Long.class)
                   .single();
    }

    private static List<GenericDomainEventMessage<HouseholdRegisteredEvent>> registered(UUID household) {
        return List.of(new GenericDomainEventMessage<>("Household", household.toString(), 0L,
                new HouseholdRegisteredEvent(household, MunicipalityCode.of("0488"), List.of())));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
