package se.benefitledger.api.payment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/** A CLOSED household receives no payment; a payment found erroneous is recovered, not returned. */
@LedgerApiTest
class PaymentGuardsApiTest {

    @LocalServerPort
    int port;
    Ledger ledger;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
    }

    @Test
    void refusesAPaymentOnADecisionOfAClosedHousehold() {
        String household = ledger.household(Municipalities.fresh());
        String decision = ledger.decision(household, "2021-03", "10000.00");
        var closed = Users.NILS.on(port).post("/api/v1/households/" + household + "/closure",
                "{\"reason\": \"MOVED\", \"effectiveMonth\": \"2021-04\"}");
        assertThat(closed.status()).isEqualTo(200);

        var refused = Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("8450.00", "2021-02-25"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.<String>json("$.detail")).contains("CLOSED");
        assertThat(Users.NILS.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("0.00");
    }

    @Test
    void refusesToReturnAPaymentFoundErroneous() {
        var executed = ledger.executedPayment("1000.00", "2021-03");
        assertThat(Users.INES.on(port).post("/api/v1/payments/" + executed.paymentId() + "/erroneous",
                "{\"amount\": \"400.00\", \"cause\": \"ADMINISTRATIVE_ERROR\"}").status()).isEqualTo(200);

        var refused = Users.FRIDA.on(port).post("/api/v1/payments/" + executed.paymentId() + "/return",
                "{\"returnedOn\": \"2021-03-02\", \"reason\": \"account closed\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + executed.paymentId()).<String>json("$.status")).isEqualTo("EXECUTED");
    }
}
