package se.benefitledger.api.decision;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Users;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class DecisionApiTest {

    @LocalServerPort
    int port;
    Ledger ledger;
    Http nils;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        nils = Users.NILS.on(port);
    }

    @Test
    void makesADecisionApprovingCostsLessIncomes() {
        String household = ledger.household("0488");

        var created = nils.post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "5220.00"}, {"type": "RENT", "amount": 6100}],
                 "incomes": [{"type": "WAGES", "amount": "1500.00"}]}""".formatted(household));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json("$.decisionId");
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/decisions/" + id));
        assertThat(created.<String>json("$.approvedAmount")).isEqualTo("9820.00");
        assertThat(created.<String>json("$.committedAmount")).isEqualTo("0.00");
        assertThat(created.<String>json("$.municipality")).isEqualTo("0488");
        assertThat(created.<String>json("$.status")).isEqualTo("ACTIVE");
        assertThat(created.<String>json("$.lines[1].amount")).isEqualTo("6100.00");

        var fetched = Users.ANNA.on(port).get("/api/v1/decisions/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).hasValue("\"0\"");
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void aRejectedApplicationApprovesNothing() {
        var created = nils.post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "REJECTED", "legalBasis": "SOL_2001_4_1",
                 "lines": [{"type": "NORM", "amount": "5220.00"}]}""".formatted(ledger.household("0488")));
        assertThat(created.<String>json("$.approvedAmount")).isEqualTo("0.00");
    }

    @Test
    void refusesADecisionForAClosedOrUnknownHousehold() {
        String household = ledger.household("0488");
        nils.post("/api/v1/households/" + household + "/closure", "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-03\"}");

        var closed = nils.post("/api/v1/decisions", decision(household));
        var unknown = nils.post("/api/v1/decisions", decision(UUID.randomUUID().toString()));

        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.<String>json("$.detail")).contains("is CLOSED; only an ACTIVE household can receive a decision");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void rejectsInvalidDecisions() {
        String household = ledger.household("0488");
        for (String[] invalid : List.of(
                new String[]{decision(household).replace("SOL_2025_12_1", "SOL_1980_6"), "legalBasis"},
                new String[]{decision(household).replace("\"5220.00\"", "\"-1.00\""), "lines[0].amount"},
                new String[]{decision(household).replace("\"5220.00\"", "\"5220.005\""), "lines[0].amount"},
                new String[]{decision(household).replace("\"5220.00\"", "10000000.01"), "lines[0].amount"},
                new String[]{decision(household).replace("\"2021-03\"", "\"2021-3\""), "benefitMonth"},
                new String[]{decision(household).replace("\"NORM\"", "\"CAR\""), "lines[0].type"})) {
            var response = nils.post("/api/v1/decisions", invalid[0]);
            assertThat(response.status()).as(invalid[0]).isEqualTo(400);
            assertThat(response.<List<String>>json("$.errors[*].field")).as(invalid[0]).contains(invalid[1]);
        }
    }

    @Test
    void schedulesPaymentsUpToTheApprovedAmount() {
        String decision = ledger.decision(ledger.household("0488"), "2021-03", "10000.00");

        var first = nils.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("8450.00", "2021-02-25"));
        var tooMuch = nils.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("1550.01", "2021-02-25"));
        var rest = nils.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("1550.00", "2021-02-25"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/api/v1/payments/" + first.json("$.paymentId")));
        assertThat(first.<String>json("$.status")).isEqualTo("SCHEDULED");
        assertThat(first.<String>json("$.benefitMonth")).isEqualTo("2021-03");
        assertThat(first.<String>json("$.payee.name")).isEqualTo("Test Testsson");
        assertThat(first.<String>json("$.payee.account")).isEqualTo("8327-9 123456782");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.<String>json("$.detail")).contains("may not exceed its approved amount 10000.00");
        assertThat(rest.status()).isEqualTo(201);
        var after = nils.get("/api/v1/decisions/" + decision);
        assertThat(after.<String>json("$.committedAmount")).isEqualTo("10000.00");
        assertThat(after.header("ETag")).hasValue("\"2\"");
    }

    @Test
    void refusesZeroAndMalformedPayments() {
        String decision = ledger.decision(ledger.household("0488"), "2021-03", "10000.00");
        assertThat(nils.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("0.00", "2021-02-25")).<List<String>>json("$.errors[*].field"))
                .containsExactly("amount");
        assertThat(nils.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("10.00", "2021-02-25")
                .replace("8327-9 123456782", "not an account")).<List<String>>json("$.errors[*].field")).containsExactly("payee.account");
    }

    @Test
    void revokingCancelsScheduledPaymentsAndStopsNewOnes() {
        String decision = ledger.decision(ledger.household("0488"), "2021-03", "10000.00");
        String payment = ledger.payment(decision, "8000.00", "2021-02-25");

        var revoked = nils.post("/api/v1/decisions/" + decision + "/revocation", "{\"reason\": \"wrong benefit month\"}");

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.<String>json("$.status")).isEqualTo("REVOKED");
        assertThat(revoked.<String>json("$.committedAmount")).isEqualTo("0.00");
        assertThat(nils.get("/api/v1/payments/" + payment).<String>json("$.status")).isEqualTo("CANCELLED");
        assertThat(nils.post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("10.00", "2021-02-25")).status()).isEqualTo(409);
        assertThat(nils.post("/api/v1/decisions/" + decision + "/revocation", "{\"reason\": \"again\"}").status()).isEqualTo(409);
    }

    @Test
    void refusesToRevokeWhenAPaymentIsBatched() {
        String municipality = se.benefitledger.api.support.Municipalities.fresh();
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "10000.00");
        ledger.payment(decision, "8000.00", "2021-02-25");
        assertThat(ledger.batch(municipality, "2021-02-25").status()).isEqualTo(201);

        var refused = nils.post("/api/v1/decisions/" + decision + "/revocation", "{\"reason\": \"too late\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.<String>json("$.detail")).contains("cannot be revoked while payments are BATCHED or EXECUTED");
        assertThat(nils.get("/api/v1/decisions/" + decision).<String>json("$.status")).isEqualTo("ACTIVE");
    }

    @Test
    void anIfMatchThatIsStaleRefusesThePayment() {
        String decision = ledger.decision(ledger.household("0488"), "2021-03", "10000.00");
        ledger.payment(decision, "100.00", "2021-02-25");

        var stale = nils.header("If-Match", "\"0\"").post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("100.00", "2021-02-25"));
        var current = nils.header("If-Match", "\"1\"").post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("100.00", "2021-02-25"));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.status()).isEqualTo(201);
    }

    private static String decision(String household) {
        return """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "5220.00"}]}""".formatted(household);
    }
}
