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
        assertThat(docs.<Map<String, Object>>json("$.paths")).containsOnlyKeys(
                "/api/v1/households", "/api/v1/households/{householdId}", "/api/v1/households/{householdId}/closure",
                "/api/v1/households/{householdId}/history", "/api/v1/households/{householdId}/members",
                "/api/v1/households/{householdId}/members/{personId}/departure",
                "/api/v1/decisions", "/api/v1/decisions/{decisionId}", "/api/v1/decisions/{decisionId}/revocation",
                "/api/v1/decisions/{decisionId}/payments",
                "/api/v1/payments", "/api/v1/payments/{paymentId}", "/api/v1/payments/{paymentId}/cancellation", "/api/v1/payments/{paymentId}/return",
                "/api/v1/payments/{paymentId}/erroneous", "/api/v1/payments/{paymentId}/reissue",
                "/api/v1/payout-batches", "/api/v1/payout-batches/{batchId}", "/api/v1/payout-batches/{batchId}/payments",
                "/api/v1/payout-batches/{batchId}/file", "/api/v1/payout-batches/{batchId}/settlement",
                "/api/v1/payout-batches/{batchId}/bank-reports",
                "/api/v1/recovery-claims", "/api/v1/recovery-claims/{claimId}", "/api/v1/recovery-claims/{claimId}/repayments",
                "/api/v1/recovery-claims/{claimId}/waivers", "/api/v1/recovery-claims/{claimId}/write-offs",
                "/api/v1/recovery-claims/{claimId}/refunds",
                "/api/v1/reports/monthly-spend", "/api/v1/reports/duration-buckets", "/api/v1/reports/recovery-balances",
                "/api/v1/reports/reconciliation", "/api/v1/reports/consecutive-months", "/api/v1/reports/kpi", "/api/v1/reports/recovery-flows",
                "/api/v1/exports/socialstyrelsen",
                "/api/v1/admin/projections", "/api/v1/admin/projections/{name}/rebuild",
                "/api/v1/admin/projections/{name}/dead-letters", "/api/v1/admin/projections/{name}/dead-letters/{id}/retry",
                "/api/v1/admin/projections/{name}/dead-letters/{id}/evict",
                "/api/v1/admin/bulk-commands", "/api/v1/admin/bulk-commands/{commandId}/resume",
                "/api/v1/audit/access-log", "/api/v1/admin/erasures", "/api/v1/admin/erasures/due", "/api/v1/admin/integrity",
                "/api/v1/admin/pii-keys/rotation");
        assertThat(docs.<String>json("$.components.schemas.PaymentResponse.properties.amount.type")).isEqualTo("string");
        assertThat(docs.<Map<String, Object>>json("$.components.securitySchemes")).containsKeys("basic", "bearer");
        assertThat(docs.<String>json("$.components.securitySchemes.basic.scheme")).isEqualTo("basic");
        assertThat(docs.<List<String>>json("$.paths['/api/v1/households'].post.parameters[*].name")).contains("Idempotency-Key");
        assertThat(docs.<String>json("$.components.schemas.RegisterHouseholdRequest.properties.municipality.type")).isEqualTo("string");
        assertThat(Http.to(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
