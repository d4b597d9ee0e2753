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
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.Users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The database goes away under a running service (503 with Retry-After) and comes back (the service recovers). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500"})
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageTest {

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

    private static EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }
}
