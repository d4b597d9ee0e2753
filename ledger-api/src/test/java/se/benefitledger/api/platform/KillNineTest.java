package se.benefitledger.api.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import se.benefitledger.api.LedgerApplication;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.PayoutFromEvents;
import se.benefitledger.api.support.TestPostgres;
import se.benefitledger.api.support.Users;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static se.benefitledger.api.support.ServiceProcesses.await;
import static se.benefitledger.api.support.ServiceProcesses.freePort;
import static se.benefitledger.api.support.ServiceProcesses.tail;

/**
 * Crash-only: the service, a JVM of its own on a database of its own, is killed with SIGKILL in the
 * middle of a settlement of 2,000 payments and again in the middle of a rebuild. After each
 * restart the work is finished (the settlement resumed from its last committed part, the rebuild
 * replayed from its token) and the reports equal what the events say.
 */
class KillNineTest {

    private static final int PAYMENTS = 2_000;

    @TempDir
    Path home;

    @Test
    void aKilledServiceFinishesItsSettlementAndItsRebuildAfterARestart() throws Exception {
        String url = TestPostgres.newDatabase();
        var jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, TestPostgres.OWNER, ""));
        String municipality = Municipalities.fresh();
        int port = freePort();

        var service = start(url, port, "first");
        seed(port, municipality);
        var batch = new Ledger(port).batch(municipality, "2021-02-25");
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        String batchId = batch.json("$.batchId");
        String settlement = settlement(jdbc, batchId);
        CompletableFuture.runAsync(() -> Users.FRIDA.on(port).post("/api/v1/payout-batches/" + batchId + "/settlement", settlement));
        awaitLong("a settlement part committed", () -> partsDone(jdbc) > 0);
        service.destroyForcibly().waitFor();

        Map<String, Object> interrupted = jdbc.sql("SELECT status, parts, parts_done FROM bulk_command WHERE target_id = ? AND kind = 'SETTLE_PAYOUT_BATCH'")
                                              .param(UUID.fromString(batchId)).query().singleRow();
        assertThat(interrupted.get("status")).as("the settlement, killed").isEqualTo("RUNNING");
        assertThat((Integer) interrupted.get("parts_done")).isLessThan((Integer) interrupted.get("parts"));

        service = start(url, port, "second");
        // the batch may show SETTLED a moment before the resumer has marked its command COMPLETED: both are awaited
        awaitLong("the settlement resumed", () -> "SETTLED".equals(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batchId).json("$.status")));
        awaitLong("every bulk command completed", () -> Users.ADAM.on(port).get("/api/v1/admin/bulk-commands").<List<String>>json("$.items[*].status")
                                                           .stream().allMatch("COMPLETED"::equals));
        awaitCaughtUp(port);
        PayoutFromEvents.assertReportsMatch(jdbc, municipality);
        var settled = PayoutFromEvents.fromEvents(jdbc, municipality).values().iterator().next();
        assertThat(settled.executed() + settled.rejected()).as("every payment settled once").isEqualTo(PAYMENTS);

        for (String projection : new String[]{"reconciliation", "monthly-spend"}) {
            assertThat(Users.ADAM.on(port).post("/api/v1/admin/projections/" + projection + "/rebuild", "").status()).isEqualTo(202);
        }
        awaitLong("the rebuild under way", () -> Users.ADAM.on(port).get("/api/v1/admin/projections")
                                                             .<List<String>>json("$.items[*].status").contains("REBUILDING"));
        service.destroyForcibly().waitFor();

        service = start(url, port, "third");
        awaitCaughtUp(port);
        PayoutFromEvents.assertReportsMatch(jdbc, municipality);
        service.destroyForcibly().waitFor();
    }

    /** The service in a JVM of its own, on this database, started as it is deployed (crash-only: no graceful path is needed). */
    private Process start(String url, int port, String name) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), LedgerApplication.class.getName(),
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestPostgres.SERVICE, "--spring.flyway.user=" + TestPostgres.OWNER,
                "--server.port=" + port, "--management.server.port=0", "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile())
                .start();
        try {
            awaitLong("the service answering", () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the service exited:\n" + tail(home.resolve(name + ".log")));
                }
                try {
                    return Users.ADAM.on(port).get("/api/v1/admin/projections").status() == 200;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(e.getMessage() + "\n" + tail(home.resolve(name + ".log")), e);
        }
        return process;
    }

    /** 20 households with one decision of 100 payments each, over HTTP, four clients at once. */
    private static void seed(int port, String municipality) throws Exception {
        var ledger = new Ledger(port);
        var clients = Executors.newFixedThreadPool(4);
        try {
            var households = new ArrayList<CompletableFuture<Void>>();
            for (int h = 0; h < PAYMENTS / 100; h++) {
                households.add(CompletableFuture.runAsync(() -> {
                    String decision = ledger.decision(ledger.household(municipality), "2021-02", "100000.00");
                    IntStream.range(0, 100).forEach(i -> ledger.payment(decision, (500 + i) + ".00", "2021-02-25"));
                }, clients));
            }
            CompletableFuture.allOf(households.toArray(CompletableFuture[]::new)).get();
        } finally {
            clients.shutdown();
        }
    }

    private static String settlement(JdbcClient jdbc, String batchId) {
        List<UUID> ids = jdbc.sql("SELECT payment_id FROM payment WHERE batch_id = ? ORDER BY payment_id").param(UUID.fromString(batchId))
                             .query(UUID.class).list();
        var body = new StringBuilder("{\"settledOn\": \"2021-02-25\", \"results\": [");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"paymentId\": \"").append(ids.get(i)).append("\", \"status\": \"")
                .append(i % 50 == 0 ? "REJECTED\", \"reason\": \"account closed\"}" : "EXECUTED\"}");
        }
        return body.append("]}").toString();
    }

    private static int partsDone(JdbcClient jdbc) {
        return jdbc.sql("SELECT coalesce(max(parts_done), 0) FROM bulk_command WHERE kind = 'SETTLE_PAYOUT_BATCH'").query(Integer.class).single();
    }

    private static void awaitCaughtUp(int port) throws InterruptedException {
        awaitLong("every projection at the head", () -> {
            var projections = Users.ADAM.on(port).get("/api/v1/admin/projections");
            return projections.<List<String>>json("$.items[*].status").stream().allMatch("RUNNING"::equals)
                    && projections.<List<Integer>>json("$.items[*].lag").stream().allMatch(lag -> lag != null && lag == 0);
        });
    }

    /** Generous: on a busy 2-core CI machine a JVM's start alone can take a minute. */
    private static void awaitLong(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(240), condition);
    }

}
