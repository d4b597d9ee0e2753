package se.benefitledger.api.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the compose file, checked without Docker: every metric the dashboard
 * queries is one the service serves, and every file compose mounts exists.
 */
@LedgerApiTest
class DashboardAndComposeTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile("\\b(?:ledger|http|jvm|process|hikaricp|axon)_[a-z0-9_]+");

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void everyMetricTheDashboardQueriesIsServed() throws IOException {
        new Ledger(port).executedPayment("1200.00", "2021-02");
        String served = Http.to(managementPort).get("/actuator/prometheus").body();

        Set<String> queried = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(REPOSITORY.resolve("docker/grafana/dashboards/benefit-ledger.json").toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                METRIC.matcher(target.path("expr").asText()).results().forEach(match -> queried.add(match.group()));
            }
        }
        assertThat(queried).contains("ledger_projection_lag_events", "ledger_messages_seconds_count", "ledger_payout_batch_size_payments_count",
                "http_server_requests_seconds_count", "jvm_memory_used_bytes");
        for (String metric : queried) {
            assertThat(served).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    @Test
    void commandMetricsCarryTheProcessorAndPayloadTypeAsTags() {
        new Ledger(port).household(Municipalities.fresh());
        String served = Http.to(managementPort).get("/actuator/prometheus").body();
        assertThat(served).containsPattern("ledger_messages_seconds_count\\{[^}]*payloadType=\"RegisterHouseholdCommand\"[^}]*processor=\"commandBus\"");
        assertThat(served).doesNotContain("commandBus_");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheLedgerWithPrometheusAndGrafanaOnHealthCheckedServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
        var services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("ledger-api", "postgres", "prometheus", "grafana");
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        assertThat((List<String>) services.get("prometheus").get("ports")).containsExactly("127.0.0.1:9090:9090");
        assertThat((List<String>) services.get("grafana").get("ports")).containsExactly("127.0.0.1:3000:3000");

        for (String name : List.of("prometheus", "grafana")) {
            for (String volume : (List<String>) services.get(name).get("volumes")) {
                assertThat(REPOSITORY.resolve(volume.split(":")[0])).as(name + " mounts " + volume).exists();
            }
        }
        String scrape = Files.readString(REPOSITORY.resolve("docker/prometheus/prometheus.yml"));
        assertThat(scrape).contains("ledger-api:8081", "/actuator/prometheus");
    }
}
