package se.benefitledger.api.history;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class HouseholdHistoryApiTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void listsEveryEventOfTheHouseholdAndItsDecisionsPaymentsAndClaimsOldestFirst() throws Exception {
        var ledger = new Ledger(port);
        var paid = ledger.executedPayment("8000.00", "2021-03");
        Projections.awaitCaughtUp(processing, jdbc);
        Thread.sleep(5);
        Instant beforeTheFinding = Instant.now();
        Thread.sleep(5);
        Users.INES.on(port).post("/api/v1/payments/" + paid.paymentId() + "/erroneous", "{\"amount\": \"100.00\", \"cause\": \"SUSPECTED_FRAUD\"}");
        Projections.awaitCaughtUp(processing, jdbc);

        var history = Users.INES.on(port).get("/api/v1/households/" + paid.householdId() + "/history");

        assertThat(history.status()).isEqualTo(200);
        assertThat(history.<List<String>>json("$.items[*].type")).containsExactly("HouseholdRegistered", "DecisionMade", "DecisionAmountReserved",
                "PaymentScheduled", "PaymentBatched", "PaymentExecuted", "PaymentFoundErroneous");
        assertThat(history.<List<Integer>>json("$.items[*].sequence")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(history.<String>json("$.items[3].aggregateType")).isEqualTo("Payment");
        assertThat(history.<String>json("$.items[3].aggregateId")).isEqualTo(paid.paymentId());
        assertThat(history.<String>json("$.items[3].actor")).isEqualTo("nils");
        assertThat(history.<String>json("$.items[3].role")).isEqualTo("CASEWORKER");
        assertThat(history.<String>json("$.items[3].data.amount")).isEqualTo("8000.00");
        assertThat(history.<String>json("$.items[5].actor")).isEqualTo("frida");
        assertThat(history.<String>json("$.items[6].actor")).isEqualTo("ines");
        assertThat(history.<Integer>json("$.total")).isEqualTo(7);

        var asOf = Users.ALVA.on(port).get("/api/v1/households/" + paid.householdId() + "/history?asOf=" + beforeTheFinding);
        assertThat(asOf.<List<String>>json("$.items[*].type")).hasSize(6).doesNotContain("PaymentFoundErroneous");

        var page = Users.INES.on(port).get("/api/v1/households/" + paid.householdId() + "/history?page=1&size=3");
        assertThat(page.<List<Integer>>json("$.items[*].sequence")).containsExactly(4, 5, 6);
    }

    @Test
    void isForInvestigatorsAndAuditorsOnly() {
        String household = new Ledger(port).household("0488");
        assertThat(Users.ANNA.on(port).get("/api/v1/households/" + household + "/history").status()).isEqualTo(403);
        assertThat(Users.FREDRIK.on(port).get("/api/v1/households/" + household + "/history").status()).isEqualTo(403);
        assertThat(Users.INGRID.on(port).get("/api/v1/households/" + household + "/history").status()).isEqualTo(200);
        assertThat(Users.INGRID.on(port).get("/api/v1/households/" + household + "/history?asOf=yesterday").status()).isEqualTo(400);
    }
}
