package se.benefitledger.api.payment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Users;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@LedgerApiTest
class PaymentApiTest {

    @LocalServerPort
    int port;
    Ledger ledger;
    String municipality;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
    }

    @Test
    void showsAScheduledPayment() {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "10000.00");
        String payment = ledger.payment(decision, "8450.00", "2021-02-25");

        var shown = Users.FRIDA.on(port).get("/api/v1/payments/" + payment);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("ETag")).hasValue("\"0\"");
        assertThat(shown.<String>json("$.paymentId")).isEqualTo(payment);
        assertThat(shown.<String>json("$.decisionId")).isEqualTo(decision);
        assertThat(shown.<String>json("$.municipality")).isEqualTo(municipality);
        assertThat(shown.<String>json("$.amount")).isEqualTo("8450.00");
        assertThat(shown.<String>json("$.dueDate")).isEqualTo("2021-02-25");
        assertThat(shown.<String>json("$.payee.type")).isEqualTo("HOUSEHOLD");
        assertThat(shown.<String>json("$.status")).isEqualTo("SCHEDULED");
        assertThat(shown.<String>json("$.erroneousAmount")).isEqualTo("0.00");
        assertThat(shown.<Object>json("$.batchId")).isNull();
    }

    @Test
    void cancellingGivesTheAmountBackToTheDecision() {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "10000.00");
        String payment = ledger.payment(decision, "10000.00", "2021-02-25");

        var cancelled = Users.NILS.on(port).post("/api/v1/payments/" + payment + "/cancellation", "{\"reason\": \"moved away\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.<String>json("$.status")).isEqualTo("CANCELLED");
        assertThat(Users.NILS.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("0.00");
        assertThat(ledger.payment(decision, "10000.00", "2021-02-25")).isNotBlank();
        assertThat(Users.NILS.on(port).post("/api/v1/payments/" + payment + "/cancellation", "{\"reason\": \"again\"}").status()).isEqualTo(409);
    }

    @Test
    void anExecutedPaymentCannotBeCancelledButCanBeReturned() {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "10000.00");
        String payment = ledger.payment(decision, "8450.00", "2021-02-25");
        String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        ledger.settle(batch, "2021-02-25", payment, "EXECUTED");

        var cancel = Users.NILS.on(port).post("/api/v1/payments/" + payment + "/cancellation", "{\"reason\": \"too late\"}");
        var early = Users.FRIDA.on(port).post("/api/v1/payments/" + payment + "/return", "{\"returnedOn\": \"2021-02-24\", \"reason\": \"x\"}");
        var returned = Users.FRIDA.on(port).post("/api/v1/payments/" + payment + "/return", "{\"returnedOn\": \"2021-03-02\", \"reason\": \"account closed\"}");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.<String>json("$.detail")).contains("is EXECUTED; it must be SCHEDULED to be cancelled");
        assertThat(early.status()).isEqualTo(422);
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.<String>json("$.status")).isEqualTo("RETURNED");
        assertThat(returned.<String>json("$.executedOn")).isEqualTo("2021-02-25");
        assertThat(returned.<String>json("$.returnedOn")).isEqualTo("2021-03-02");
        assertThat(Users.FRIDA.on(port).post("/api/v1/payments/" + payment + "/return", "{\"returnedOn\": \"2021-03-03\", \"reason\": \"again\"}").status())
                .isEqualTo(409);
    }

    @Test
    void onlyAnExecutedPaymentCanBeReturned() {
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "100.00"), "100.00", "2021-02-25");
        var response = Users.FRIDA.on(port).post("/api/v1/payments/" + payment + "/return", "{\"returnedOn\": \"2021-03-02\", \"reason\": \"x\"}");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.<String>json("$.detail")).contains("is SCHEDULED; it must be EXECUTED to be returned");
    }

    @Test
    void aReturnedPaymentIsReissuedOnItsDecisionOnce() {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "8450.00");
        String payment = ledger.payment(decision, "8450.00", "2021-02-25");
        ledger.settle(ledger.batch(municipality, "2021-02-25").json("$.batchId"), "2021-02-25", payment, "EXECUTED");
        assertThat(Users.NILS.on(port).post("/api/v1/payments/" + payment + "/reissue", "{\"dueDate\": \"2021-03-05\"}").status())
                .as("an EXECUTED payment").isEqualTo(409);
        Users.FRIDA.on(port).post("/api/v1/payments/" + payment + "/return", "{\"returnedOn\": \"2021-03-02\", \"reason\": \"account closed\"}");
        assertThat(Users.FRIDA.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount"))
                .as("a return releases its amount").isEqualTo("0.00");
        assertThat(Users.FRIDA.on(port).post("/api/v1/payments/" + payment + "/reissue", "{\"dueDate\": \"2021-03-05\"}").status())
                .as("CASEWORKER only").isEqualTo(403);

        var reissued = Users.NILS.on(port).post("/api/v1/payments/" + payment + "/reissue", """
                {"dueDate": "2021-03-05", "payee": {"type": "LANDLORD", "name": "Bostads AB", "account": "SE4550000000058398257466"}}""");

        assertThat(reissued.status()).isEqualTo(201);
        String again = reissued.json("$.paymentId");
        assertThat(reissued.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/api/v1/payments/" + again));
        assertThat(reissued.<String>json("$.reissueOf")).isEqualTo(payment);
        assertThat(reissued.<String>json("$.status")).isEqualTo("SCHEDULED");
        assertThat(reissued.<String>json("$.amount")).isEqualTo("8450.00");
        assertThat(reissued.<String>json("$.benefitMonth")).isEqualTo("2021-03");
        assertThat(reissued.<String>json("$.dueDate")).isEqualTo("2021-03-05");
        assertThat(reissued.<String>json("$.payee.type")).isEqualTo("LANDLORD");
        assertThat(Users.FRIDA.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("8450.00");
        var twice = Users.NILS.on(port).post("/api/v1/payments/" + payment + "/reissue", "{\"dueDate\": \"2021-03-05\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.<String>json("$.detail")).contains("already reissued as payment " + again);
    }

    @Test
    void aRejectedPaymentIsReissuedToTheSamePayee() {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "8450.00");
        String payment = ledger.payment(decision, "8450.00", "2021-02-25");
        ledger.settle(ledger.batch(municipality, "2021-02-25").json("$.batchId"), "2021-02-25", payment, "REJECTED");

        var reissued = Users.NILS.on(port).post("/api/v1/payments/" + payment + "/reissue", "{\"dueDate\": \"2021-03-05\"}");

        assertThat(reissued.status()).isEqualTo(201);
        assertThat(reissued.<String>json("$.payee.account")).isEqualTo(Users.NILS.on(port).get("/api/v1/payments/" + payment)
                .<String>json("$.payee.account"));
        assertThat(Users.ANNA.on(port).post("/api/v1/payments/" + payment + "/reissue", "{\"dueDate\": \"2021-03-05\"}").status())
                .as("another municipality's payment").isEqualTo(404);
    }

    /**
     * Many households paid to one account is a classic fraud signal: the payments are found whatever the payees were called.
     * (Each payee a search shows is in the access log: a row of AccessLogCoverageTest.)
     */
    @Test
    void investigatorsFindThePaymentsToOneAccountWhateverThePayeesWereCalled() {
        String first = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "9000.00"), "9000.00", "2021-02-25");
        String second = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "800.00"), "800.00", "2021-03-25");
        var renamed = Users.NILS.on(port).post("/api/v1/decisions/" + ledger.decision(ledger.household(municipality), "2021-04", "100.00")
                + "/payments", """
                {"amount": "100.00", "dueDate": "2021-03-26", "payee": {"type": "LANDLORD", "name": "Someone Else", "account": "8327-9 123456782"}}""");
        String third = renamed.json("$.paymentId");
        ledger.payment(ledger.decision(ledger.household(Municipalities.fresh()), "2021-03", "100.00"), "100.00", "2021-02-25");

        var found = Users.INES.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount=83279-123456782&size=2");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.<Integer>json("$.total")).as("only this municipality's").isEqualTo(3);
        assertThat(found.<List<String>>json("$.items[*].paymentId")).containsExactly(first, second);
        assertThat(Users.INES.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount=8327-9%20123456782&page=1&size=2")
                .<List<String>>json("$.items[*].paymentId")).containsExactly(third);
        assertThat(Users.ALVA.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount=8327-9%20123456782&fromDueDate=2021-03-01"
                + "&status=SCHEDULED").<List<String>>json("$.items[*].paymentId")).containsExactly(second, third);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount=SE4550000000058398257466")
                .<Integer>json("$.total")).isZero();
        assertThat(Users.NILS.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount=8327-9%20123456782").status())
                .isEqualTo(403);
        assertThat(Users.RUT.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount=8327-9%20123456782").status())
                .isEqualTo(403);
        assertThat(Users.FREDRIK.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount=8327-9%20123456782").status())
                .as("another municipality").isEqualTo(403);
        assertThat(Users.INES.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount=8327-9%20123456789").status())
                .as("a wrong check digit").isEqualTo(400);
    }
}
