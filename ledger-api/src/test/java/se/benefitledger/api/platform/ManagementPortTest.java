package se.benefitledger.api.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, Prometheus and info are for the operator's probes and scrapers, on the management port only. */
@LedgerApiTest
class ManagementPortTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortServesPrometheusWithoutTheApisCredentials() {
        var prometheus = Http.to(managementPort).get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes", "http_server_requests");
    }

    @Test
    void theApiPortServesNoManagementEndpointEvenToAnAdmin() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/info"}) {
            assertThat(Http.to(port).get(path).status()).as(path).isNotEqualTo(200);
            assertThat(Users.ADAM.on(port).get(path).status()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void healthShowsItsComponentsAndInfoTheBuild() {
        var health = Http.to(managementPort).get("/actuator/health");
        assertThat(health.<String>json("$.status")).isEqualTo("UP");
        assertThat(health.<String>json("$.components.db.status")).isEqualTo("UP");
        assertThat(Http.to(managementPort).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(Http.to(managementPort).get("/actuator/info").<String>json("$.java.version")).isNotBlank();
    }

    @Test
    void infoNamesTheBuildAndTheCommitItWasBuiltFrom() {
        var info = Http.to(managementPort).get("/actuator/info");
        assertThat(info.<String>json("$.build.artifact")).isEqualTo("ledger-api");
        assertThat(info.<String>json("$.build.version")).isNotBlank();
        assertThat(info.<String>json("$.git.commit.id")).isNotBlank();
    }

    @Test
    void theSbomIsServedAsACycloneDxDocumentOfTheService() {
        assertThat(Http.to(managementPort).get("/actuator/sbom").<java.util.List<String>>json("$.ids")).contains("application");
        var sbom = Http.to(managementPort).get("/actuator/sbom/application");
        assertThat(sbom.status()).isEqualTo(200);
        assertThat(sbom.<String>json("$.bomFormat")).isEqualTo("CycloneDX");
        assertThat(sbom.<String>json("$.metadata.component.name")).isEqualTo("ledger-api");
        assertThat(sbom.body()).contains("\"name\" : \"axon-messaging\"");
    }
}
