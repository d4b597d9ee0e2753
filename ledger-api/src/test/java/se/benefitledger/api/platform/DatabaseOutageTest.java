package se.benefitledger.api.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running service (503 with Retry-After) and comes back (the service recovers without
 * a restart). The server is really stopped ({@code pg_ctl stop -m fast}: open transactions are rolled back, sessions
 * cut) and started again on the same port and data directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500"})
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageTest {

    private static final int CLIENTS = 4;
    private static final Path dataDirectory;
    private static EmbeddedPostgres postgres;

    static {
        try {
            dataDirectory = Files.createTempDirectory("ledger-outage");
            postgres = start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void answersServiceUnavailableWhileTheDatabaseIsDownAndRecoversAfterwards() throws Exception {
        String household = new Ledger(port).household("0488");
        int databasePort = postgres.getPort();

        postgres.close();
        var read = Users.ANNA.on(port).get("/api/v1/households/" + household);
        var write = Users.ANNA.on(port).post("/api/v1/households/" + household + "/closure", "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}");

        ProblemDetailsTest.assertProblem(read, 503);
        assertThat(read.header("Retry-After")).hasValue("5");
        ProblemDetailsTest.assertProblem(write, 503);
        assertThat(write.header("Retry-After")).hasValue("5");

        postgres = start(databasePort);
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            Thread.sleep(200);
            status = Users.ANNA.on(port).get("/api/v1/households/" + household).status();
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo(200);
        assertThat(Users.ANNA.on(port).post("/api/v1/households/" + household + "/closure",
                "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-12\"}").status()).as("the refused write can be sent again").isEqualTo(200);
    }

    /**
     * Issue 12: PostgreSQL stopped for 30 s while clients keep registering households. Every answer is 201 or a 503
     * problem with Retry-After, whatever the request was doing when the server went (claiming its idempotency key,
     * running, committing); registrations succeed again once it is back, and every household that was answered 201
     * is in the event store.
     */
    @Test
    void thirtySecondsWithoutTheDatabaseUnderLoadAnswerOnlyCreatedOrServiceUnavailableAndLoseNoCreatedHousehold() throws Exception {
        Queue<Http.Response> answers = new ConcurrentLinkedQueue<>();
        Queue<Throwable> clientFailures = new ConcurrentLinkedQueue<>();
        var stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.execute(() -> {
                while (!stop.get()) {
                    try {
                        answers.add(Users.NILS.on(port).post("/api/v1/households", Ledger.householdJson("0488", People.adult())));
                    } catch (RuntimeException e) {
                        clientFailures.add(e);
                    }
                }
            });
        }
        awaitCreated(answers, 20);
        int databasePort = postgres.getPort();

        postgres.close();
        int answeredBeforeOutage = answers.size();
        Thread.sleep(Duration.ofSeconds(30).toMillis());
        int answeredDuringOutage = answers.size() - answeredBeforeOutage;
        postgres = start(databasePort);
        long createdBeforeRestart = created(answers).size();
        awaitCreated(answers, createdBeforeRestart + 20);
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(clientFailures).as("every request was answered").isEmpty();
        assertThat(answeredDuringOutage).as("requests were answered while the database was down").isGreaterThan(CLIENTS);
        assertThat(answers).as("only 201 or 503").allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(201, 503));
        var unavailable = answers.stream().filter(answer -> answer.status() == 503).toList();
        assertThat(unavailable).hasSizeGreaterThanOrEqualTo(answeredDuringOutage).allSatisfy(answer -> {
            ProblemDetailsTest.assertProblem(answer, 503);
            assertThat(answer.header("Retry-After")).hasValue("5");
        });
        List<UUID> households = created(answers);
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var query = connection.prepareStatement("""
                     SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry
                     WHERE aggregate_identifier = ANY (?) AND payload_type LIKE '%HouseholdRegisteredEvent'""")) {
            query.setArray(1, connection.createArrayOf("varchar", households.stream().map(UUID::toString).toArray()));
            var stored = query.executeQuery();
            stored.next();
            assertThat(stored.getLong(1)).as("households answered 201 and registered in the event store").isEqualTo(households.size());
        }
    }

    private static void awaitCreated(Queue<Http.Response> answers, long count) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (created(answers).size() < count) {
            assertThat(Instant.now()).as("%d registrations answered 201 within a minute", count).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static List<UUID> created(Queue<Http.Response> answers) {
        var households = new ArrayList<UUID>();
        for (var answer : answers) {
            if (answer.status() == 201) {
                households.add(UUID.fromString(answer.json("$.householdId")));
            }
        }
        return households;
    }

    private static EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }
}
