package se.benefitledger.api.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import se.benefitledger.api.LedgerApplication;
import se.benefitledger.api.report.NaiveReportChecks;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.TestPostgres;
import se.benefitledger.api.support.Users;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


import static org.assertj.core.api.Assertions.assertThat;
import static se.benefitledger.api.support.ServiceProcesses.await;
import static se.benefitledger.api.support.ServiceProcesses.freePort;
import static se.benefitledger.api.support.ServiceProcesses.tail;

/**
 * Issue 17: two service processes on one PostgreSQL. One node runs in this JVM (its context gives
 * the naive report check its beans), the other in a JVM of its own, which is killed with SIGKILL.
 * Both accept commands on the same decision at once without losing one or paying beyond the
 * decision; the reports' segments are split between them; the survivor takes over the dead node's
 * segments once their claims time out; and the reports equal the naive computation over the
 * events.
 */
class TwoNodesTest {

    private static final List<String> REPORTS = List.of("monthly-spend", "duration-buckets", "recovery-balances", "reconciliation",
            "household-history", "recovered-cash");
    /** axon.eventhandling.tokenstore.claim-timeout plus two of Axon's 5 s claim attempts. */
    private static final Duration TAKEOVER = Duration.ofSeconds(10 + 2 * 5);
    private static final int CLIENTS = 6;
    private static final int REQUESTS_EACH = 10;

    @TempDir
    Path home;

    @Test
    void twoNodesShareCommandsAndSegmentsAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        String url = TestPostgres.newDatabase();
        var jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, TestPostgres.OWNER, ""));
        int otherPort = freePort();
        Process other = startProcess(url, otherPort);
        try (ConfigurableApplicationContext here = startHere(url)) {
            int herePort = ((WebServerApplicationContext) here).getWebServer().getPort();
            awaitAnswering(other, otherPort);

            // two municipalities whose events fall in different segments (MunicipalitySequencingPolicy: the code's hash)
            String first = Municipalities.fresh();
            String second = Municipalities.fresh();
            while ((first.hashCode() & 1) == (second.hashCode() & 1)) {
                second = Municipalities.fresh();
            }
            var ledger = new Ledger(herePort);
            String contended = ledger.decision(ledger.household(first), "2021-03", "5000.00");
            String quiet = new Ledger(otherPort).decision(new Ledger(otherPort).household(second), "2021-03", "5000.00");

            // 60 payments of 100 SEK on a decision approving 5,000 SEK, through both nodes at once: exactly 50 fit
            var clients = Executors.newFixedThreadPool(CLIENTS);
            var answers = new ArrayList<Future<List<Http.Response>>>();
            for (int client = 0; client < CLIENTS; client++) {
                int port = client % 2 == 0 ? herePort : otherPort;
                answers.add(clients.submit((Callable<List<Http.Response>>) () -> {
                    var mine = new ArrayList<Http.Response>();
                    for (int i = 0; i < REQUESTS_EACH; i++) {
                        mine.add(Users.NILS.on(port).post("/api/v1/decisions/" + contended + "/payments", Ledger.paymentJson("100.00", "2021-03-25")));
                    }
                    return mine;
                }));
            }
            var responses = new ArrayList<Http.Response>();
            for (var future : answers) {
                responses.addAll(future.get());
            }
            clients.shutdown();
            assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isIn(201, 409, 422));
            assertThat(responses.stream().filter(response -> response.status() == 409))
                    .allSatisfy(response -> assertThat(response.header("Content-Type")).hasValue("application/problem+json"));
            List<String> created = responses.stream().filter(response -> response.status() == 201).map(response -> response.<String>json("$.paymentId"))
                                            .toList();
            assertThat(created).as("the decision's 5,000 SEK, in 100 SEK payments").hasSize(50).doesNotHaveDuplicates();
            assertThat(scheduledPayments(jdbc, contended)).as("every 201 is in the event store, and nothing else")
                                                          .containsExactlyInAnyOrderElementsOf(created);
            for (int i = 0; i < 5; i++) {
                new Ledger(otherPort).payment(quiet, "250.00", "2021-03-25");
            }

            // a rebuild on one node resets the segments the other holds too: a counter spoilt by hand is counted anew
            // (the naive comparison at the end fails if either municipality's segment was left out of the rebuild)
            String firstMunicipality = first;
            String secondMunicipality = second;
            await("both municipalities' payments counted", Duration.ofSeconds(60), () -> jdbc.sql(
                    "SELECT count(DISTINCT municipality) FROM spend_month WHERE municipality IN (?, ?)")
                    .params(firstMunicipality, secondMunicipality).query(Long.class).single() == 2);
            assertThat(jdbc.sql("UPDATE spend_month SET scheduled_ore = scheduled_ore + 1").update()).isPositive();
            assertThat(Users.ADAM.on(herePort).post("/api/v1/admin/projections/monthly-spend/rebuild", "").status()).isEqualTo(202);
            await("the rebuild done", Duration.ofSeconds(120), () -> {
                var projections = Users.ADAM.on(herePort).get("/api/v1/admin/projections");
                return List.of("RUNNING").equals(projections.json("$.items[?(@.name == 'monthly-spend')].status"))
                        && List.of(0).equals(projections.json("$.items[?(@.name == 'monthly-spend')].lag"));
            });

            await("each node holds segments of every report", Duration.ofSeconds(60), () -> REPORTS.stream().allMatch(
                    report -> owners(jdbc, report).stream().filter(owner -> !owner.isEmpty()).count() == 2));
            String self = ManagementFactory.getRuntimeMXBean().getName();

            other.destroyForcibly().waitFor();
            Instant killed = Instant.now();
            await("this node holds every segment", TAKEOVER.plusSeconds(30), () -> REPORTS.stream().allMatch(
                    report -> owners(jdbc, report).equals(Set.of(self))));
            assertThat(Duration.between(killed, Instant.now())).as("taken over within the claim timeout and two claim attempts")
                                                              .isLessThanOrEqualTo(TAKEOVER);

            ledger.payment(quiet, "300.00", "2021-03-25");
            Projections.awaitCaughtUp(here.getBean(EventProcessingConfiguration.class), jdbc);
            NaiveReportChecks.checkRecorded(here, 0, first, second);
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    private static List<String> scheduledPayments(JdbcClient jdbc, String decision) {
        return jdbc.sql("""
                           SELECT convert_from(payload, 'UTF8')::jsonb ->> 'paymentId' FROM domain_event_entry
                           WHERE payload_type = 'se.benefitledger.core.payment.PaymentScheduledEvent'
                             AND convert_from(payload, 'UTF8')::jsonb ->> 'decisionId' = ?""")
                   .param(decision).query(String.class).list();
    }

    /** The owners of the processor's segments, '' for a segment nobody holds. */
    private static Set<String> owners(JdbcClient jdbc, String processor) {
        return Set.copyOf(jdbc.sql("SELECT coalesce(owner, '') FROM token_entry WHERE processor_name = ?").param(processor).query(String.class).list());
    }

    private static ConfigurableApplicationContext startHere(String url) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(LedgerApplication.class).run("--spring.profiles.active=test", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestPostgres.SERVICE, "--spring.flyway.user=" + TestPostgres.OWNER,
                "--server.port=0", "--management.server.port=0");
    }

    /** The other node, a JVM of its own, as it is deployed. */
    private Process startProcess(String url, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), LedgerApplication.class.getName(),
                "--spring.profiles.active=test", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestPostgres.SERVICE, "--spring.flyway.user=" + TestPostgres.OWNER,
                "--server.port=" + port, "--management.server.port=0", "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("other.log").toFile())
                .start();
    }

    private void awaitAnswering(Process process, int port) throws InterruptedException {
        await("the other node answering", Duration.ofSeconds(240), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the other node exited:\n" + tail(home.resolve("other.log")));
            }
            try {
                return Users.ADAM.on(port).get("/api/v1/admin/projections").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

}
