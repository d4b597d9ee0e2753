package se.benefitledger.api.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class IdempotencyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    IdempotencyStore store;

    @Test
    void aRetryReplaysTheFirstResponseAndStoresNothingNew() {
        String key = UUID.randomUUID().toString();
        String body = Ledger.householdJson("0488", People.adult());
        var anna = Users.ANNA.on(port).header("Idempotency-Key", key);

        var first = anna.post("/api/v1/households", body);
        long eventsAfterFirst = eventCount();
        var retry = anna.post("/api/v1/households", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(eventCount()).isEqualTo(eventsAfterFirst);
    }

    /** A stored answer that shows a payee is sealed at rest: neither the name nor the account is in the table in plain text. */
    @Test
    void aStoredAnswerHoldsNoPersonalDataInPlainText() {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household("0488"), "2021-03", "900.00");
        String name = "Sigrid " + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String key = UUID.randomUUID().toString();
        var anna = Users.ANNA.on(port).header("Idempotency-Key", key);
        String body = """
                {"amount": "900.00", "dueDate": "2021-02-25", "payee": {"type": "HOUSEHOLD", "name": "%s", "account": "8327-9 123456782"}}"""
                .formatted(name);

        var first = anna.post("/api/v1/decisions/" + decision + "/payments", body);

        assertThat(first.body()).contains(name);
        var stored = jdbc.sql("SELECT response_body, response_headers::text, wrapped_key FROM idempotency_key WHERE idempotency_key = ?")
                         .param(key)
                         .query((rs, row) -> new Object[]{rs.getBytes(1), rs.getString(2), rs.getBytes(3)})
                         .single();
        String atRest = new String((byte[]) stored[0], StandardCharsets.ISO_8859_1) + stored[1];
        assertThat(atRest).doesNotContain(name.substring(7)).doesNotContain("123456782").doesNotContain("payee");
        assertThat((byte[]) stored[2]).as("its data key, wrapped by the master key").isNotEmpty();
        assertThat(anna.post("/api/v1/decisions/" + decision + "/payments", body).body()).isEqualTo(first.body());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        var anna = Users.ANNA.on(port).header("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(anna.post("/api/v1/households", Ledger.householdJson("0488", People.adult())).status()).isEqualTo(201);

        var reused = anna.post("/api/v1/households", Ledger.householdJson("0488", People.adult()));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.header("Content-Type")).hasValue("application/problem+json");
        assertThat(reused.<String>json("$.type")).endsWith("/idempotency-key-reused");
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        assertThat(Users.ANNA.on(port).header("Idempotency-Key", key).post("/api/v1/households", Ledger.householdJson("0488", People.adult())).status())
                .isEqualTo(201);
        assertThat(Users.CARL.on(port).header("Idempotency-Key", key).post("/api/v1/households", Ledger.householdJson("1280", People.adult())).status())
                .isEqualTo(201);
    }

    @Test
    void everyPostNeedsAWellFormedKey() {
        var missing = Users.ANNA.on(port).header("Idempotency-Key", "").post("/api/v1/households", Ledger.householdJson("0488", People.adult()));
        var tooLong = Users.ANNA.on(port).header("Idempotency-Key", "k".repeat(256)).post("/api/v1/households", Ledger.householdJson("0488", People.adult()));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.<List<String>>json("$.errors[*].field")).containsExactly("Idempotency-Key");
        assertThat(tooLong.status()).isEqualTo(400);
    }

    @Test
    void refusedRequestsAreReplayedTooAndLeaveNothingBehind() {
        String person = People.adult();
        assertThat(Users.ANNA.on(port).post("/api/v1/households", Ledger.householdJson("0488", person)).status()).isEqualTo(201);
        var anna = Users.ANNA.on(port).header("Idempotency-Key", UUID.randomUUID().toString());
        String newcomer = People.adult();

        var conflict = anna.post("/api/v1/households", Ledger.householdJson("0488", newcomer, person));
        var retry = anna.post("/api/v1/households", Ledger.householdJson("0488", newcomer, person));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.body()).isEqualTo(conflict.body());
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(Users.ANNA.on(port).get("/api/v1/households?personalIdentityNumber=" + newcomer).<Integer>json("$.total"))
                .as("the refused registration stored no household").isZero();
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyMakeOneHouseholdAndOneResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        String person = People.adult();
        String body = Ledger.householdJson("0488", person);
        var anna = Users.ANNA.on(port).header("Idempotency-Key", key);
        var start = new CountDownLatch(1);
        List<Future<Http.Response>> responses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(20);
        try {
            for (int i = 0; i < 20; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return anna.post("/api/v1/households", body);
                }));
            }
            start.countDown();
            var results = new ArrayList<Http.Response>();
            for (var response : responses) {
                results.add(response.get());
            }
            assertThat(results).extracting(Http.Response::status).containsOnly(201);
            assertThat(results).extracting(Http.Response::body).containsOnly(results.get(0).body());
            assertThat(results).filteredOn(response -> response.header("Idempotent-Replayed").isEmpty()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Users.ANNA.on(port).get("/api/v1/households?personalIdentityNumber=" + person).<Integer>json("$.total")).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstRequestIsStillRunningIsAConflict() {
        String key = UUID.randomUUID().toString();
        String body = Ledger.householdJson("0488", People.adult());
        var anna = Users.ANNA.on(port).header("Idempotency-Key", key);

        // a request that is running holds its key's lock for as long as it runs
        var response = transactions.execute(status -> {
            assertThat(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(IdempotencyStore.lockId(Users.ANNA.username(), key))
                           .query(Boolean.class).single()).isTrue();
            return anna.post("/api/v1/households", body);
        });

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.<String>json("$.type")).endsWith("/idempotency-request-in-flight");
        assertThat(keyRows(key)).as("the refused retry recorded nothing").isZero();
        assertThat(anna.post("/api/v1/households", body).status()).as("once the first has ended").isEqualTo(201);
    }

    /**
     * A bulk command commits its parts in transactions of their own while its request's transaction
     * waits to record the answer. That transaction holds the key's lock but no transaction id and no
     * snapshot: either, held for the whole settlement, would keep PostgreSQL from cleaning up any row
     * version written meanwhile, in any table (BENCHMARKS.md, "Payday", shows the report projections' rows it bloated).
     */
    @Test
    void aSettlementRequestHoldsNeitherATransactionIdNorASnapshotWhileItsPartsRun() throws Exception {
        String municipality = Municipalities.fresh();
        var ledger = new Ledger(port);
        var paymentIds = new ArrayList<String>();
        for (int household = 0; household < 3; household++) {
            String decision = ledger.decision(ledger.household(municipality), "2021-02", "500.00");
            paymentIds.add(ledger.payment(decision, "500.00", "2021-02-25"));
        }
        String batchId = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        String key = UUID.randomUUID().toString();
        var results = paymentIds.stream().map(id -> "{\"paymentId\": \"" + id + "\", \"status\": \"EXECUTED\"}").toList();
        String settlement = "{\"settledOn\": \"2021-02-25\", \"results\": [" + String.join(", ", results) + "]}";
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            // the test holds the payments' rows, so the settlement's part waits when it executes them
            Future<?> holder = pool.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT 1 FROM payment WHERE batch_id = ?::uuid FOR UPDATE").param(batchId).query(Integer.class).list();
                held.countDown();
                await(release);
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Http.Response> settled = pool.submit(() -> Users.FRIDA.on(port).header("Idempotency-Key", key)
                                                                     .post("/api/v1/payout-batches/" + batchId + "/settlement", settlement));
            var deadline = Instant.now().plusSeconds(30);
            while (jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE payment p SET status = ''EXECUTED''%'")
                       .query(Long.class).single() == 0) {
                assertThat(Instant.now()).as("the settlement's part waits for the payments").isBefore(deadline);
                Thread.sleep(10);
            }

            long lock = IdempotencyStore.lockId(Users.FRIDA.username(), key);
            var request = jdbc.sql("""
                                   SELECT a.state, a.backend_xid IS NOT NULL AS has_id, a.backend_xmin IS NOT NULL AS has_snapshot
                                   FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                                   WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.classid::bigint = ? AND l.objid::bigint = ?""")
                              .params(lock >>> 32, lock & 0xFFFF_FFFFL)
                              .query((rs, row) -> rs.getString("state") + ", id " + rs.getBoolean("has_id") + ", snapshot " + rs.getBoolean("has_snapshot"))
                              .list();
            assertThat(request).as("the settlement request's session while its part waits").containsExactly("idle in transaction, id false, snapshot false");
            release.countDown();
            holder.get();
            assertThat(settled.get().status()).as(settled.get().body()).isEqualTo(200);
            var retry = Users.FRIDA.on(port).header("Idempotency-Key", key).post("/api/v1/payout-batches/" + batchId + "/settlement", settlement);
            assertThat(retry.header("Idempotent-Replayed")).as("the answer recorded after the parts").hasValue("true");
            assertThat(retry.body()).isEqualTo(settled.get().body());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyIsStoredOnlyTogetherWithTheEffectsOfItsRequest() throws Exception {
        var ledger = new Ledger(port);
        String decision = ledger.decision(ledger.household("0488"), "2026-06", "9000.00");
        String key = UUID.randomUUID().toString();
        var decisionLocked = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            // a command on the decision already running holds its row until it commits
            pool.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("SELECT 1 FROM decision WHERE decision_id = ?::uuid FOR UPDATE").param(decision).query(Integer.class).single();
                decisionLocked.countDown();
                await(release);
            }));
            decisionLocked.await();
            Future<Http.Response> payment = pool.submit(() -> Users.NILS.on(port).header("Idempotency-Key", key)
                                                                 .post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("100.00", "2026-06-25")));
            while (jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM decision%'")
                       .query(Long.class).single() == 0) {
                Thread.sleep(10);
            }

            assertThat(keyRows(key)).as("no claim committed on its own while the request waits").isZero();
            release.countDown();
            assertThat(payment.get().status()).isEqualTo(201);
            assertThat(keyRows(key)).isOne();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private long keyRows(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?").param(key).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void expiredKeysAreDeletedAndMayBeUsedAgain() {
        String key = UUID.randomUUID().toString();
        var anna = Users.ANNA.on(port).header("Idempotency-Key", key);
        String firstId = anna.post("/api/v1/households", Ledger.householdJson("0488", People.adult())).json("$.householdId");
        jdbc.sql("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE idempotency_key = ?").param(key).update();

        var reusedAfterExpiry = anna.post("/api/v1/households", Ledger.householdJson("0488", People.adult()));
        assertThat(reusedAfterExpiry.status()).isEqualTo(201);
        assertThat(reusedAfterExpiry.<String>json("$.householdId")).isNotEqualTo(firstId);

        jdbc.sql("UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE idempotency_key = ?").param(key).update();
        assertThat(store.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?").param(key).query(Long.class).single()).isZero();
    }

    @Test
    void keysAreKeptForTwentyFourHoursByDefault() {
        String key = UUID.randomUUID().toString();
        Users.ANNA.on(port).header("Idempotency-Key", key).post("/api/v1/households", Ledger.householdJson("0488", People.adult()));
        double hours = jdbc.sql("SELECT extract(epoch FROM expires_at - created_at) / 3600 FROM idempotency_key WHERE idempotency_key = ?")
                           .param(key).query(Double.class).single();
        assertThat(hours).isBetween(23.99, 24.01);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
