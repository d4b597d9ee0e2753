package se.benefitledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.ServiceProcesses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command: no datasource configured, so the service starts its own PostgreSQL
 * and has the README's demo users. What is registered survives a restart, and the server stops
 * with the service; a service killed with SIGKILL leaves its server running, and the next start
 * stops that server and starts again on the same data.
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

    @Test
    void startsAgainAfterTheServiceWasKilled() throws Exception {
        int port = ServiceProcesses.freePort();
        Path log = home.resolve("killed.log");
        var killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(), "--spring.profiles.active=embedded", "--server.port=" + port,
                "--management.server.port=0", "--ledger.embedded-postgres.data-directory=" + home.resolve("postgres"),
                "--ledger.embedded-postgres.synchronous-commit=off", "--ledger.pii.dev-key-file=" + home.resolve("dev-pii-keys.properties"),
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String householdId;
        try {
            ServiceProcesses.await("the first service answering", Duration.ofSeconds(120), () -> answers(port, killed, log));
            householdId = Http.to(port).as("anna", "demo").post("/api/v1/households", """
                    {"municipality": "0488", "members": [{"personalIdentityNumber": "%s", "role": "APPLICANT"}]}"""
                    .formatted(People.adult())).json("$.householdId");
        } finally {
            killed.destroyForcibly().waitFor();
        }
        long leftRunning = Long.parseLong(Files.readAllLines(home.resolve("postgres/postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive)).as("the killed service's PostgreSQL still runs").contains(true);

        try (var service = start()) {
            assertThat(Http.to(port(service)).as("anna", "demo").get("/api/v1/households/" + householdId).status()).isEqualTo(200);
            assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive)).as("the server left running").isNotEqualTo(Optional.of(true));
        } finally {
            ProcessHandle.of(leftRunning).ifPresent(ProcessHandle::destroy);
        }
        assertThat(Files.exists(home.resolve("postgres/postmaster.pid"))).as("server stopped with the service").isFalse();
    }

    private static boolean answers(int port, Process service, Path log) {
        if (!service.isAlive()) {
            throw new AssertionError("the service exited:\n" + ServiceProcesses.tail(log));
        }
        try {
            return Http.to(port).as("anna", "demo").get("/api/v1/households/" + UUID.randomUUID()).status() < 500;
        } catch (RuntimeException e) {
            return false;
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
