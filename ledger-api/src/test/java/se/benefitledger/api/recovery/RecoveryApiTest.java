package se.benefitledger.api.recovery;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class RecoveryApiTest {

    @LocalServerPort
    int port;
    Ledger ledger;
    Http ines;
    Http frida;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        ines = Users.INES.on(port);
        frida = Users.FRIDA.on(port);
    }

    @Test
    void findingsAddUpToAtMostThePaymentAndLeaveWhatWasPaid() {
        var paid = ledger.executedPayment("8000.00", "2021-03");

        var first = ines.post("/api/v1/payments/" + paid.paymentId() + "/erroneous",
                "{\"amount\": \"6000.00\", \"cause\": \"INCORRECT_INFORMATION\", \"note\": \"undeclared wages\"}");
        var beyond = ines.post("/api/v1/payments/" + paid.paymentId() + "/erroneous", "{\"amount\": \"2000.01\", \"cause\": \"SUSPECTED_FRAUD\"}");
        var rest = ines.post("/api/v1/payments/" + paid.paymentId() + "/erroneous", "{\"amount\": 2000, \"cause\": \"DUPLICATE_PAYMENT\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.<String>json("$.erroneousAmount")).isEqualTo("6000.00");
        assertThat(first.<String>json("$.amount")).isEqualTo("8000.00");
        assertThat(first.<String>json("$.status")).isEqualTo("EXECUTED");
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.<String>json("$.detail")).contains("may not exceed its amount 8000.00");
        assertThat(rest.<String>json("$.erroneousAmount")).isEqualTo("8000.00");
    }

    @Test
    void onlyExecutedPaymentsAreFoundErroneous() {
        String scheduled = ledger.payment(ledger.decision(ledger.household("0488"), "2021-03", "100.00"), "100.00", "2021-02-25");
        var paid = ledger.executedPayment("100.00", "2021-03");
        frida.post("/api/v1/payments/" + paid.paymentId() + "/return", "{\"returnedOn\": \"2021-03-01\", \"reason\": \"closed account\"}");

        assertThat(ines.post("/api/v1/payments/" + scheduled + "/erroneous", "{\"amount\": \"1.00\", \"cause\": \"ADMINISTRATIVE_ERROR\"}").status())
                .isEqualTo(409);
        assertThat(ines.post("/api/v1/payments/" + paid.paymentId() + "/erroneous", "{\"amount\": \"1.00\", \"cause\": \"ADMINISTRATIVE_ERROR\"}").status())
                .as("returned").isEqualTo(409);
        assertThat(ines.post("/api/v1/payments/" + scheduled + "/erroneous", "{\"amount\": \"0.00\", \"cause\": \"ADMINISTRATIVE_ERROR\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aClaimIsReducedByRepaymentsWaiversAndWriteOffsUntilItCloses() {
        var paid = erroneous("8000.00", "4000.00");

        var created = claim(paid, "4000.00");
        assertThat(created.status()).isEqualTo(201);
        String claim = created.json("$.claimId");
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/recovery-claims/" + claim));
        assertThat(created.<String>json("$.principal")).isEqualTo("4000.00");
        assertThat(created.<String>json("$.outstanding")).isEqualTo("4000.00");
        assertThat(created.<String>json("$.status")).isEqualTo("OPEN");
        assertThat(created.<String>json("$.lawRegime")).isEqualTo("SOL_2001");
        assertThat(created.<String>json("$.actionDeadline")).isEqualTo("2024-02-25");
        assertThat(created.<String>json("$.municipality")).isEqualTo(paid.municipality());

        assertThat(frida.post("/api/v1/recovery-claims/" + claim + "/repayments", "{\"amount\": \"1000.00\", \"receivedOn\": \"2021-07-01\"}")
                        .<String>json("$.outstanding")).isEqualTo("3000.00");
        assertThat(ines.post("/api/v1/recovery-claims/" + claim + "/waivers", "{\"amount\": \"500.00\", \"reason\": \"hardship\"}")
                       .<String>json("$.waived")).isEqualTo("500.00");
        var tooMuch = frida.post("/api/v1/recovery-claims/" + claim + "/write-offs", "{\"amount\": \"2500.01\", \"reason\": \"uncollectable\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.<String>json("$.detail")).contains("more than the 2500.00 outstanding");
        var closed = frida.post("/api/v1/recovery-claims/" + claim + "/write-offs", "{\"amount\": \"2500.00\", \"reason\": \"uncollectable\"}");
        assertThat(closed.<String>json("$.outstanding")).isEqualTo("0.00");
        assertThat(closed.<String>json("$.status")).isEqualTo("WRITTEN_OFF");
        assertThat(closed.<String>json("$.writtenOff")).isEqualTo("2500.00");
        assertThat(closed.<String>json("$.actionDeadline")).as("nothing outstanding").isNull();
        var late = frida.post("/api/v1/recovery-claims/" + claim + "/repayments", "{\"amount\": \"0.01\", \"receivedOn\": \"2021-08-01\"}");
        assertThat(late.status()).as("a written-off claim takes repayments").isEqualTo(200);
        assertThat(late.<String>json("$.writtenOff")).isEqualTo("2499.99");

        var fetched = frida.get("/api/v1/recovery-claims/" + claim);
        assertThat(fetched.header("ETag")).hasValue("\"5\"");
        assertThat(fetched.<String>json("$.repaid")).isEqualTo("1000.01");
    }

    @Test
    void moneyAboveWhatIsOwedIsRecordedAsDueBackAndRefunded() {
        var paid = erroneous("8000.00", "4000.00");
        String claim = claim(paid, "4000.00").json("$.claimId");

        var overpaid = frida.post("/api/v1/recovery-claims/" + claim + "/repayments", "{\"amount\": \"4500.00\", \"receivedOn\": \"2021-07-01\"}");

        assertThat(overpaid.status()).isEqualTo(200);
        assertThat(overpaid.<String>json("$.outstanding")).isEqualTo("0.00");
        assertThat(overpaid.<String>json("$.repaid")).as("only what reduced the claim").isEqualTo("4000.00");
        assertThat(overpaid.<String>json("$.refundDue")).isEqualTo("500.00");
        assertThat(overpaid.<String>json("$.status")).isEqualTo("CLOSED");
        assertThat(ines.post("/api/v1/recovery-claims/" + claim + "/refunds", "{\"amount\": \"500.00\", \"paidOn\": \"2021-07-05\"}").status())
                .as("refunds are FINANCE's").isEqualTo(403);
        var tooMuch = frida.post("/api/v1/recovery-claims/" + claim + "/refunds", "{\"amount\": \"500.01\", \"paidOn\": \"2021-07-05\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.<String>json("$.detail")).contains("more than the 500.00 refund due");
        var refunded = frida.post("/api/v1/recovery-claims/" + claim + "/refunds", "{\"amount\": \"500.00\", \"paidOn\": \"2021-07-05\"}");
        assertThat(refunded.<String>json("$.refundDue")).isEqualTo("0.00");
        assertThat(frida.post("/api/v1/recovery-claims/" + claim + "/refunds", "{\"amount\": \"500.00\"}").status()).isEqualTo(400);
    }

    @Test
    void eachLinkedPaymentHasTheRegimeOfItsDecisionAndItsOwnDeadline() {
        String municipality = se.benefitledger.api.support.Municipalities.fresh();
        String household = ledger.household(municipality);
        String before = ledger.payment(ledger.decision(household, "2025-07", "3000.00", "2025-06-30"), "3000.00", "2025-06-25");
        String after = ledger.payment(ledger.decision(household, "2025-07", "2000.00", "2025-07-01"), "2000.00", "2025-07-25");
        ledger.settle(ledger.batch(municipality, "2025-06-25").json("$.batchId"), "2025-06-25", before, "EXECUTED");
        ledger.settle(ledger.batch(municipality, "2025-07-25").json("$.batchId"), "2025-07-25", after, "EXECUTED");
        for (String payment : List.of(before, after)) {
            ines.post("/api/v1/payments/" + payment + "/erroneous", "{\"amount\": \"1000.00\", \"cause\": \"INCORRECT_INFORMATION\"}");
        }

        var created = ines.post("/api/v1/recovery-claims", """
                {"householdId": "%s", "paymentIds": ["%s", "%s"], "principal": "2000.00", "ground": "INCORRECT_INFORMATION",
                 "decidedOn": "2025-09-01"}""".formatted(household, before, after));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.<String>json("$.lawRegime")).isEqualTo("MIXED");
        assertThat(created.<List<String>>json("$.links[*].lawRegime")).containsExactly("SOL_2001", "SOL_2025");
        assertThat(created.<List<String>>json("$.links[*].actionDeadline")).containsExactly("2028-06-25", "2028-07-25");
        assertThat(created.<String>json("$.actionDeadline")).isEqualTo("2028-06-25");
        String claim = created.json("$.claimId");
        var repaid = frida.post("/api/v1/recovery-claims/" + claim + "/repayments", "{\"amount\": \"1000.00\", \"receivedOn\": \"2025-10-01\"}");
        assertThat(repaid.<String>json("$.actionDeadline")).as("the earlier payment is paid off").isEqualTo("2028-07-25");
    }

    @Test
    void waiversAndWriteOffsNeedAReason() {
        var paid = erroneous("1000.00", "1000.00");
        String claim = claim(paid, "1000.00").json("$.claimId");
        assertThat(ines.post("/api/v1/recovery-claims/" + claim + "/waivers", "{\"amount\": \"10.00\"}").<List<String>>json("$.errors[*].field"))
                .containsExactly("reason");
        assertThat(frida.post("/api/v1/recovery-claims/" + claim + "/write-offs", "{\"amount\": \"10.00\", \"reason\": \" \"}").status()).isEqualTo(400);
    }

    @Test
    void thePrincipalMayNotExceedWhatIsErroneousAndUnclaimed() {
        var paid = erroneous("8000.00", "3000.00");

        var tooMuch = claim(paid, "3000.01");
        var first = claim(paid, "2000.00");
        var second = claim(paid, "1000.01");
        var last = claim(paid, "1000.00");

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.<String>json("$.detail")).contains("principal 3000.01, unclaimed erroneous 3000.00");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(422);
        assertThat(last.status()).isEqualTo(201);
    }

    @Test
    void twoClaimsRacingForTheSameAmountNeverOverClaim() throws Exception {
        var paid = erroneous("8000.00", "3000.00");
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        try {
            List<Future<Http.Response>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racing.add(pool.submit(() -> {
                    start.await();
                    return claim(paid, "2000.00");
                }));
            }
            start.countDown();
            var statuses = List.of(racing.get(0).get().status(), racing.get(1).get().status());
            assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimsNameTheHouseholdsOwnPayments() {
        var paid = erroneous("1000.00", "1000.00");
        var other = erroneous("1000.00", "1000.00");

        var foreign = ines.post("/api/v1/recovery-claims", claimJson(paid.householdId(), other.paymentId(), "100.00"));
        var unknownHousehold = ines.post("/api/v1/recovery-claims", claimJson(UUID.randomUUID().toString(), paid.paymentId(), "100.00"));

        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.<String>json("$.detail")).contains("was paid to household " + other.householdId());
        assertThat(unknownHousehold.status()).isEqualTo(404);
    }

    private Ledger.Executed erroneous(String amount, String erroneousAmount) {
        var paid = ledger.executedPayment(amount, "2021-03");
        var found = ines.post("/api/v1/payments/" + paid.paymentId() + "/erroneous",
                "{\"amount\": \"" + erroneousAmount + "\", \"cause\": \"INCORRECT_INFORMATION\"}");
        assertThat(found.status()).isEqualTo(200);
        return paid;
    }

    private Http.Response claim(Ledger.Executed paid, String principal) {
        return ines.post("/api/v1/recovery-claims", claimJson(paid.householdId(), paid.paymentId(), principal));
    }

    private static String claimJson(String householdId, String paymentId, String principal) {
        return """
                {"householdId": "%s", "paymentIds": ["%s"], "principal": "%s", "ground": "INCORRECT_INFORMATION", "decidedOn": "2021-06-10"}"""
                .formatted(householdId, paymentId, principal);
    }
}
