package se.benefitledger.api.payout;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class PayoutBatchApiTest {

    @LocalServerPort
    int port;
    Ledger ledger;
    String municipality;
    String decision;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
        decision = ledger.decision(ledger.household(municipality), "2021-03", "20000.00");
    }

    @Test
    void takesEveryScheduledPaymentDueByThePayoutDate() {
        String rent = ledger.payment(decision, "6100.00", "2021-02-20");
        String norm = ledger.payment(decision, "5220.00", "2021-02-25");
        String later = ledger.payment(decision, "1000.00", "2021-02-26");
        String cancelled = ledger.payment(decision, "500.00", "2021-02-01");
        Users.NILS.on(port).post("/api/v1/payments/" + cancelled + "/cancellation", "{\"reason\": \"duplicate\"}");
        String elsewhere = ledger.payment(ledger.decision(ledger.household(Municipalities.fresh()), "2021-03", "100.00"), "100.00", "2021-02-01");

        var created = ledger.batch(municipality, "2021-02-25");

        assertThat(created.status()).isEqualTo(201);
        String batch = created.json("$.batchId");
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/payout-batches/" + batch));
        assertThat(created.<String>json("$.status")).isEqualTo("CREATED");
        assertThat(created.<Integer>json("$.paymentCount")).isEqualTo(2);
        assertThat(created.<String>json("$.controlTotal")).isEqualTo("11320.00");
        assertThat(created.<String>json("$.payoutDate")).isEqualTo("2021-02-25");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + rent).<String>json("$.status")).isEqualTo("BATCHED");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + norm).<String>json("$.batchId")).isEqualTo(batch);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + later).<String>json("$.status")).isEqualTo("SCHEDULED");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + elsewhere).<String>json("$.status")).isEqualTo("SCHEDULED");

        var listed = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch + "/payments?page=0&size=1");
        assertThat(listed.<Integer>json("$.total")).isEqualTo(2);
        assertThat(listed.<Integer>json("$.size")).isEqualTo(1);
        assertThat(listed.<List<String>>json("$.items[*].paymentId")).hasSize(1).isSubsetOf(rent, norm);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch + "/payments?size=501").status()).isEqualTo(400);
    }

    @Test
    void aBatchWithoutPaymentsIsRefused() {
        var refused = ledger.batch(municipality, "2021-02-25");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.<String>json("$.detail")).contains("no SCHEDULED payment of municipality " + municipality + " due on or before 2021-02-25");
    }

    @Test
    void settlementInSeveralCallsEndsWithASettledBatch() {
        String first = ledger.payment(decision, "6000.00", "2021-02-25");
        String second = ledger.payment(decision, "4000.00", "2021-02-25");
        String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");

        var partly = ledger.settle(batch, "2021-02-26", first, "EXECUTED");
        assertThat(partly.status()).isEqualTo(200);
        assertThat(partly.<String>json("$.status")).isEqualTo("CREATED");
        assertThat(partly.<Integer>json("$.unsettledCount")).isEqualTo(1);

        var done = ledger.settle(batch, "2021-02-27", second, "REJECTED");
        assertThat(done.<String>json("$.status")).isEqualTo("SETTLED");
        assertThat(done.<Integer>json("$.executedCount")).isEqualTo(1);
        assertThat(done.<String>json("$.executedTotal")).isEqualTo("6000.00");
        assertThat(done.<Integer>json("$.rejectedCount")).isEqualTo(1);
        assertThat(done.<String>json("$.rejectedTotal")).isEqualTo("4000.00");

        var executed = Users.FRIDA.on(port).get("/api/v1/payments/" + first);
        assertThat(executed.<String>json("$.status")).isEqualTo("EXECUTED");
        assertThat(executed.<String>json("$.executedOn")).isEqualTo("2021-02-26");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + second).<String>json("$.status")).isEqualTo("REJECTED");
        assertThat(Users.NILS.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount"))
                .as("the rejected amount is released").isEqualTo("6000.00");
    }

    @Test
    void refusesToSettleAPaymentTwiceOrOneOutsideTheBatch() {
        String payment = ledger.payment(decision, "6000.00", "2021-02-25");
        String other = ledger.payment(decision, "1000.00", "2021-03-25");
        String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        assertThat(ledger.settle(batch, "2021-02-26", payment, "EXECUTED").status()).isEqualTo(200);

        var twice = ledger.settle(batch, "2021-02-26", payment, "REJECTED");
        var outside = ledger.settle(batch, "2021-02-26", other, "EXECUTED");
        var unknown = ledger.settle(batch, "2021-02-26", UUID.randomUUID().toString(), "EXECUTED");

        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.<String>json("$.detail")).contains("is already settled");
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.<String>json("$.detail")).contains("is not in payout batch");
        assertThat(unknown.status()).as("an unknown id in a body, like one in a path").isEqualTo(404);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + payment).<String>json("$.status")).isEqualTo("EXECUTED");
    }

    @Test
    void answersNotFoundForAnUnknownBatch() {
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
