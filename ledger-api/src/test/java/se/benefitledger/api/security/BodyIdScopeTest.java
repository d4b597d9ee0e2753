package se.benefitledger.api.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Users;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An id in a request body that the caller may not see answers exactly like an unknown id (404),
 * and the answer says nothing about the object: not its state, household or municipality.
 */
@LedgerApiTest
class BodyIdScopeTest {

    @LocalServerPort
    int port;
    Ledger ledger;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
    }

    @Test
    void aClaimNamingAnotherMunicipalitysPaymentIsAnsweredLikeAnUnknownPayment() {
        var elsewhere = ledger.executedPayment("1000.00", "2021-03");
        Users.INES.on(port).post("/api/v1/payments/" + elsewhere.paymentId() + "/erroneous",
                "{\"amount\": \"1000.00\", \"cause\": \"INCORRECT_INFORMATION\"}");
        String ownHousehold = ledger.household("1280");
        Http isak = Users.ISAK.on(port);

        var foreign = isak.post("/api/v1/recovery-claims", claimJson(ownHousehold, elsewhere.paymentId()));
        String unknownId = UUID.randomUUID().toString();
        var unknown = isak.post("/api/v1/recovery-claims", claimJson(ownHousehold, unknownId));

        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(elsewhere.householdId()).doesNotContain(elsewhere.municipality())
                                  .doesNotContain("EXECUTED");
        // the same answer, but for the id asked about and the request's own trace id
        assertThat(foreign.body().replace(elsewhere.paymentId(), "<id>").replaceAll("\"traceId\":\"\\w+\"", ""))
                .isEqualTo(unknown.body().replace(unknownId, "<id>").replaceAll("\"traceId\":\"\\w+\"", ""));
        assertThat(Users.INES.on(port).get("/api/v1/payments/" + elsewhere.paymentId()).<String>json("$.erroneousAmount"))
                .isEqualTo("1000.00");
    }

    @Test
    void aClaimForAnotherMunicipalitysHouseholdIsAnsweredLikeAnUnknownHousehold() {
        var elsewhere = ledger.executedPayment("1000.00", "2021-03");

        var foreign = Users.ISAK.on(port).post("/api/v1/recovery-claims", claimJson(elsewhere.householdId(), elsewhere.paymentId()));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(elsewhere.municipality());
    }

    @Test
    void aSettlementNamingAnotherMunicipalitysPaymentIsAnsweredLikeAnUnknownPayment() {
        String own = ledger.payment(ledger.decision(ledger.household("1280"), "2021-03", "1000.00"), "1000.00", "2021-02-25");
        String batch = Users.FIA.on(port).post("/api/v1/payout-batches", "{\"municipality\": \"1280\", \"payoutDate\": \"2021-02-25\"}")
                                .json("$.batchId");
        var elsewhere = ledger.executedPayment("1000.00", "2021-03");

        var foreign = Users.FIA.on(port).post("/api/v1/payout-batches/" + batch + "/settlement", """
                {"settledOn": "2021-02-25", "results": [{"paymentId": "%s", "status": "EXECUTED"}, {"paymentId": "%s", "status": "EXECUTED"}]}"""
                .formatted(own, elsewhere.paymentId()));

        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(elsewhere.municipality()).doesNotContain(elsewhere.householdId());
        assertThat(Users.FIA.on(port).get("/api/v1/payments/" + own).<String>json("$.status")).as("nothing stored").isEqualTo("BATCHED");
    }

    @Test
    void aDecisionForAnotherMunicipalitysHouseholdIsAnsweredLikeAnUnknownHousehold() {
        String elsewhere = ledger.household("0488");

        var foreign = Users.CARL.on(port).post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "100.00"}]}""".formatted(elsewhere));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("0488");
    }

    private static String claimJson(String householdId, String paymentId) {
        return """
                {"householdId": "%s", "paymentIds": ["%s"], "principal": "100.00", "ground": "INCORRECT_INFORMATION", "decidedOn": "2021-06-10"}"""
                .formatted(householdId, paymentId);
    }
}
