package se.benefitledger.api.console;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.benefitledger.api.support.ConsoleSession;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.Projections;
import se.benefitledger.api.support.Users;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console over plain HTTP: its session, CSRF tokens, municipality scope and access log are the API's rules, applied to pages. */
@LedgerApiTest
class ConsoleSecurityTest {

    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    private record Batch(String municipality, String householdId, String batchId, String paymentId) {
    }

    private Batch batchOfOnePayment() {
        var ledger = new Ledger(port);
        String municipality = Municipalities.fresh();
        String household = ledger.household(municipality);
        String payment = ledger.payment(ledger.decision(household, TODAY.substring(0, 7), "5000.00"), "5000.00", TODAY);
        return new Batch(municipality, household, ledger.batch(municipality, TODAY).json("$.batchId"), payment);
    }

    @Test
    void aFormPostedWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        var batch = batchOfOnePayment();
        var frida = ConsoleSession.login(port, Users.FRIDA);
        var form = Map.of("version", "1", "settledOn", TODAY, "outcome-" + batch.paymentId(), "EXECUTED");

        var forged = frida.post("/console/payout-batches/" + batch.batchId() + "/settlement", form);

        assertThat(forged.status()).isEqualTo(403);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch.batchId()).<String>json("$.status")).isEqualTo("CREATED");

        var page = frida.get("/console/payout-batches/" + batch.batchId());
        String version = Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch.batchId()).header("ETag").orElseThrow().replace("\"", "");
        var settled = frida.submit("/console/payout-batches/" + batch.batchId() + "/settlement",
                Map.of("version", version, "settledOn", TODAY, "outcome-" + batch.paymentId(), "EXECUTED"), page.body());

        assertThat(settled.status()).as(settled.toString()).isEqualTo(302);
        assertThat(Users.FRIDA.on(port).get("/api/v1/payout-batches/" + batch.batchId()).<String>json("$.status")).isEqualTo("SETTLED");
    }

    @Test
    void theConsolesSessionAuthenticatesNoApiCall() {
        var batch = batchOfOnePayment();
        var frida = ConsoleSession.login(port, Users.FRIDA);
        assertThat(frida.get("/console/payout-batches/" + batch.batchId()).status()).isEqualTo(200);

        var api = Http.to(port).header("Cookie", frida.cookie()).get("/api/v1/payout-batches/" + batch.batchId());

        assertThat(api.status()).isEqualTo(401);
    }

    @Test
    void aVisitorWithoutASessionIsSentToTheLoginFormAndAWrongPasswordStaysThere() {
        var answer = Http.to(port).get("/console/trends");
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location").orElseThrow()).endsWith("/console/login");

        var withBasic = Users.FRIDA.on(port).get("/console/trends");
        assertThat(withBasic.status()).as("the console takes no HTTP Basic credentials").isEqualTo(302);

        var visitor = ConsoleSession.anonymous(port);
        var wrong = visitor.submit("/console/login", Map.of("username", "frida", "password", "not-secret"), visitor.get("/console/login").body());
        assertThat(wrong.header("Location").orElseThrow()).endsWith("/console/login?error");
        assertThat(visitor.get("/console/trends").status()).isEqualTo(302);
    }

    @Test
    void aBatchOutsideTheUsersMunicipalitiesDoesNotExistForThemAndAReportOnTheirMunicipalityIsForbidden() {
        var batch = batchOfOnePayment();
        var fia = ConsoleSession.login(port, Users.FIA);

        assertThat(fia.get("/console/payout-batches/" + batch.batchId()).status()).isEqualTo(404);
        assertThat(fia.get("/console/payout-batches/" + batch.batchId() + "/file").status()).isEqualTo(404);
        assertThat(fia.get("/console/payout-batches?municipality=" + batch.municipality()).status()).isEqualTo(403);
        assertThat(fia.get("/console/trends?municipality=" + batch.municipality()).status()).isEqualTo(403);
        assertThat(fia.get("/console/trends?municipality=1280").status()).isEqualTo(200);
    }

    @Test
    void aPageShowingPersonalDataIsInTheAccessLogLikeItsEndpointWithTheRoleTheUserActsIn() {
        var batch = batchOfOnePayment();
        var frida = ConsoleSession.login(port, Users.FRIDA);
        var page = frida.get("/console/payout-batches/" + batch.batchId());
        var file = frida.get("/console/payout-batches/" + batch.batchId() + "/file");
        Projections.awaitCaughtUp(processing, jdbc);
        var alva = ConsoleSession.login(port, Users.ALVA);
        var timeline = alva.get("/console/households/" + batch.householdId() + "/timeline");

        assertThat(page.body()).contains("Test Testsson", "8327-9 123456782");
        assertThat(file.header("Content-Disposition").orElseThrow()).contains("pain001-" + batch.batchId() + ".xml");
        assertThat(file.body()).contains("<NbOfTxs>1</NbOfTxs>", "<CtrlSum>5000.00</CtrlSum>");
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy").orElseThrow()).as("no page runs a script").startsWith("default-src 'none';");
        assertThat(entries("frida")).contains(
                "FINANCE PAYEE_SHOWN GET /console/payout-batches/" + batch.batchId() + " " + batch.municipality(),
                "FINANCE BANK_FILE GET /console/payout-batches/" + batch.batchId() + "/file " + batch.municipality());
        assertThat(entries("alva")).contains("AUDITOR HISTORY_SHOWN GET /console/households/" + batch.householdId() + "/timeline " + batch.municipality());
    }

    private List<String> entries(String actor) {
        return jdbc.sql("SELECT role || ' ' || purpose || ' ' || endpoint || ' ' || coalesce(municipality, '-') FROM pii_access_log WHERE actor = ?")
                   .param(actor).query(String.class).list();
    }
}
