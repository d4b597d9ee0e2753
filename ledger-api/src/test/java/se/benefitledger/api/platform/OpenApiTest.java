package se.benefitledger.api.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.LedgerApiTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void describesTheContractsPathsSecurityAndWireFormats() {
        var docs = Http.to(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.<Map<String, Object>>json("$.paths")).containsKeys("/api/v1/households", "/api/v1/households/{householdId}",
                "/api/v1/households/{householdId}/closure");
        assertThat(docs.<Map<String, Object>>json("$.components.securitySchemes")).containsKeys("basic", "bearer");
        assertThat(docs.<String>json("$.components.securitySchemes.basic.scheme")).isEqualTo("basic");
        assertThat(docs.<List<String>>json("$.paths['/api/v1/households'].post.parameters[*].name")).contains("Idempotency-Key");
        assertThat(docs.<String>json("$.components.schemas.RegisterHouseholdRequest.properties.municipality.type")).isEqualTo("string");
        assertThat(Http.to(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
