package se.benefitledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.People;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command: no datasource configured, so the service starts its own PostgreSQL
 * and has the README's demo users. What is registered survives a restart, and the server stops
 * with the service.
 */
class EmbeddedDefaultRunTest {

    @TempDir
    Path home;

    @Test
    void keepsItsDataAcrossARestart() throws Exception {
        String householdId;
        try (var service = start()) {
            var http = Http.to(port(service));
            assertThat(Http.to(managementPort(service)).get("/actuator/health").<String>json("$.status")).isEqualTo("UP");
            householdId = http.as("anna", "demo").post("/api/v1/households", """
                    {"municipality": "0488", "members": [{"personalIdentityNumber": "%s", "role": "APPLICANT"}]}"""
                    .formatted(People.adult())).json("$.householdId");
        }
        assertThat(Files.exists(home.resolve("postgres/postmaster.pid"))).as("server stopped with the service").isFalse();

        try (var service = start()) {
            var household = Http.to(port(service)).as("anna", "demo").get("/api/v1/households/" + householdId);
            assertThat(household.status()).isEqualTo(200);
            assertThat(household.<String>json("$.members[0].personalIdentityNumber")).endsWith("-****");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("embedded").run(
                "--server.port=0",
                "--management.server.port=0",
                "--ledger.embedded-postgres.data-directory=" + home.resolve("postgres"),
                "--ledger.embedded-postgres.synchronous-commit=off",
                "--ledger.pii.dev-key-file=" + home.resolve("dev-pii-keys.properties"),
                "--logging.level.root=WARN");
    }

    private static int managementPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
