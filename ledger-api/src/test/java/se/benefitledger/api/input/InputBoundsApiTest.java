package se.benefitledger.api.input;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's "Input bounds": dates, money, text and lists, each refused before it is stored. */
@LedgerApiTest
class InputBoundsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    Ledger ledger;
    String municipality;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "1800-01-01", "0000-01-01", "1999-12-31", "2100-01-01", "2021-02-30", "2021-2-25"})
    void refusesADueDateOutsideTheContractsYears(String dueDate) {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "10000.00");

        var refused = Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", Ledger.paymentJson("100.00", dueDate));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("dueDate");
        assertThat(refused.body()).doesNotContain(dueDate);
        assertThat(Users.NILS.on(port).get("/api/v1/decisions/" + decision).<String>json("$.committedAmount")).isEqualTo("0.00");
    }

    @Test
    void acceptsTheFirstAndLastDayOfTheContractsYears() {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "10000.00");

        assertThat(ledger.payment(decision, "100.00", "2000-01-01")).isNotBlank();
        assertThat(ledger.payment(decision, "100.00", "2099-12-31")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "1800-01-01", "0000-01-01"})
    void refusesASettlementDateOutsideTheContractsYears(String settledOn) {
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "10000.00"), "100.00", "2021-02-25");
        String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");

        var refused = ledger.settle(batch, settledOn, payment, "EXECUTED");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("settledOn");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + payment).<String>json("$.status")).isEqualTo("BATCHED");
    }

    @Test
    void refusesASettlementMoreThanAWeekAfterTodayAsABusinessRule() {
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "10000.00"), "100.00", "2021-02-25");
        String batch = ledger.batch(municipality, "2021-02-25").json("$.batchId");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Stockholm")));

        var refused = ledger.settle(batch, today.plusDays(8).toString(), payment, "EXECUTED");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("settledOn");

        assertThat(ledger.settle(batch, today.plusDays(7).toString(), payment, "EXECUTED").status()).isEqualTo(200);
    }

    @Test
    void refusesReturnsAndRepaymentsMoreThanAWeekAfterToday() {
        var executed = ledger.executedPayment("1000.00", "2021-03");
        String nextMonth = LocalDate.now(clock.withZone(ZoneId.of("Europe/Stockholm"))).plusDays(30).toString();

        var returned = Users.FRIDA.on(port).post("/api/v1/payments/" + executed.paymentId() + "/return",
                "{\"returnedOn\": \"" + nextMonth + "\", \"reason\": \"account closed\"}");
        assertThat(returned.status()).as(returned.toString()).isEqualTo(422);
        assertThat(returned.<String>json("$.errors[0].field")).isEqualTo("returnedOn");

        Users.INES.on(port).post("/api/v1/payments/" + executed.paymentId() + "/erroneous",
                "{\"amount\": \"500.00\", \"cause\": \"ADMINISTRATIVE_ERROR\"}");
        var claim = Users.INES.on(port).post("/api/v1/recovery-claims", """
                {"householdId": "%s", "paymentIds": ["%s"], "principal": "500.00", "ground": "INCORRECT_INFORMATION", "decidedOn": "%s"}"""
                .formatted(executed.householdId(), executed.paymentId(), nextMonth));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(422);
        assertThat(claim.<String>json("$.errors[0].field")).isEqualTo("decidedOn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"00000008450.00\"", "\"10000000.000000\"", "1e999999999", "8450.00e0", "\"8450.00e0\""})
    void refusesAmountsLongerThanThirteenCharactersOrInExponentNotation(String amount) {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "10000.00");

        var refused = Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", """
                {"amount": %s, "dueDate": "2021-02-25", "payee": {"type": "HOUSEHOLD", "name": "Test Testsson", "account": "8327-9 123456782"}}"""
                .formatted(amount));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("amount");
    }

    @Test
    void refusesAnAmountOfTwoMillionDigitsWithoutParsingIt() {
        String decision = ledger.decision(ledger.household(municipality), "2021-03", "10000.00");
        String digits = String.join("", Collections.nCopies(2_000_000, "9"));

        for (String amount : List.of("\"" + digits + "\"", digits)) {
            var refused = Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", """
                    {"amount": %s, "dueDate": "2021-02-25", "payee": {"type": "HOUSEHOLD", "name": "Test Testsson", "account": "8327-9 123456782"}}"""
                    .formatted(amount));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("99999999");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"moved\\u0001away", "moved\\u0085away", "moved\\naway", "moved\\u202Eyawa", "moved\\u2066away", "moved\\uD800away"})
    void refusesTextWithControlOrBidirectionalCharacters(String reason) {
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "10000.00"), "100.00", "2021-02-25");

        var refused = Users.NILS.on(port).post("/api/v1/payments/" + payment + "/cancellation", "{\"reason\": \"" + reason + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("reason");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + payment).<String>json("$.status")).isEqualTo("SCHEDULED");
    }

    @Test
    void takesTextOfUpTo140Characters() {
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "10000.00"), "100.00", "2021-02-25");

        var tooLong = Users.NILS.on(port).post("/api/v1/payments/" + payment + "/cancellation", "{\"reason\": \"" + "å".repeat(141) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.<String>json("$.errors[0].field")).isEqualTo("reason");

        var longest = Users.NILS.on(port).post("/api/v1/payments/" + payment + "/cancellation", "{\"reason\": \"" + "😀".repeat(140) + "\"}");
        assertThat(longest.status()).as(longest.toString()).isEqualTo(200);
    }

    @Test
    void refusesMoreMembersOrLinesThanTheContractAllows() {
        var members = new StringBuilder("{\"personalIdentityNumber\": \"" + People.adult() + "\", \"role\": \"APPLICANT\"}");
        for (int i = 0; i < 20; i++) {
            members.append(", {\"personalIdentityNumber\": \"").append(People.child()).append("\", \"role\": \"CHILD\"}");
        }
        var household = Users.NILS.on(port).post("/api/v1/households", "{\"municipality\": \"" + municipality + "\", \"members\": [" + members + "]}");
        assertThat(household.status()).as(household.toString()).isEqualTo(400);
        assertThat(household.<String>json("$.errors[0].field")).isEqualTo("members");

        String lines = String.join(", ", Collections.nCopies(31, "{\"type\": \"OTHER\", \"amount\": \"1.00\"}"));
        var decision = Users.NILS.on(port).post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1", "lines": [%s]}"""
                .formatted(ledger.household(municipality), lines));
        assertThat(decision.status()).as(decision.toString()).isEqualTo(400);
        assertThat(decision.<String>json("$.errors[0].field")).isEqualTo("lines");
    }

    @Test
    void refusesBenefitMonthsOutsideTheContractsYears() {
        String household = ledger.household(municipality);
        for (String month : List.of("1999-12", "2100-01", "+10000-01")) {
            var refused = Users.NILS.on(port).post("/api/v1/decisions", """
                    {"householdId": "%s", "benefitMonth": "%s", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                     "lines": [{"type": "NORM", "amount": "100.00"}]}""".formatted(household, month));
            assertThat(refused.status()).as(month).isEqualTo(400);
            assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("benefitMonth");
        }
    }

    @Test
    void boundsTheMonthsDatesAndYearsOfReportQueries() {
        Http finance = Users.FRIDA.on(port);
        String spend = "/api/v1/reports/monthly-spend?municipality=" + municipality;
        assertThat(finance.get(spend + "&from=1999-12&to=2000-01").status()).isEqualTo(400);
        assertThat(finance.get(spend + "&from=2099-12&to=%2B10000-01").status()).isEqualTo(400);
        assertThat(finance.get(spend + "&from=2021-01&to=2021-12").status()).isEqualTo(200);
        String reconciliation = "/api/v1/reports/reconciliation?municipality=" + municipality;
        assertThat(finance.get(reconciliation + "&from=1800-01-01&to=2021-12-31").status()).isEqualTo(400);
        assertThat(finance.get(reconciliation + "&from=2021-01-01&to=2100-01-01").status()).isEqualTo(400);
        var year = finance.get("/api/v1/reports/duration-buckets?municipality=" + municipality + "&year=2100");
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.<String>json("$.errors[0].field")).isEqualTo("year");
        assertThat(finance.get("/api/v1/reports/duration-buckets?municipality=" + municipality + "&month=1999-12").status()).isEqualTo(400);
    }
}
