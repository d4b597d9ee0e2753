package se.benefitledger.api.input;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Municipalities;
import se.benefitledger.api.support.People;
import se.benefitledger.api.support.Users;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is taken exactly as sent or refused: no byte sequence that is not UTF-8, and no value that
 * names something (a personnummer, an enum constant, an id, an account, a number) read after
 * trimming or in a second spelling. The HTTP fuzzer found each of these accepted.
 */
@LedgerApiTest
class ExactInputApiTest {

    @LocalServerPort
    int port;
    Ledger ledger;
    String municipality;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        municipality = Municipalities.fresh();
    }

    /** Overlong forms of '/', an encoded surrogate, a code point above U+10FFFF, a broken sequence. */
    @ParameterizedTest
    @ValueSource(strings = {"c0af", "e080af", "f08080af", "eda080", "f4908080", "c328"})
    void refusesATextHoldingBytesThatAreNotUtf8(String hex) {
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "10000.00"), "100.00", "2021-02-25");
        var body = new ByteArrayOutputStream();
        body.writeBytes("{\"reason\": \"moved".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(HexFormat.of().parseHex(hex));
        body.writeBytes("away\"}".getBytes(StandardCharsets.UTF_8));

        var refused = Users.NILS.on(port).header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                                .send("POST", "/api/v1/payments/" + payment + "/cancellation", body.toByteArray());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).hasValue("application/problem+json");
        assertThat(Users.FRIDA.on(port).get("/api/v1/payments/" + payment).<String>json("$.status")).isEqualTo("SCHEDULED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%s\\n", "\\n%s", "%s\\u0000", "\\t%s", "%s\\u001F", " %s", "%s "})
    void refusesAPersonnummerWithAControlCharacterOrSpaceAroundIt(String spoilt) {
        String personnummer = People.adult();

        var refused = Users.NILS.on(port).post("/api/v1/households", Ledger.householdJson(municipality, spoilt.formatted(personnummer)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("members[0].personalIdentityNumber");
        assertThat(refused.body()).doesNotContain(personnummer.substring(personnummer.length() - 4));
        assertThat(Users.NILS.on(port).get("/api/v1/households?personalIdentityNumber=" + personnummer).<Integer>json("$.total")).isZero();
    }

    @Test
    void refusesALookUpByAPersonnummerWithALineBreak() {
        String personnummer = People.adult();
        assertThat(Users.NILS.on(port).post("/api/v1/households", Ledger.householdJson(municipality, personnummer)).status()).isEqualTo(201);

        var refused = Users.NILS.on(port).get("/api/v1/households?personalIdentityNumber=" + query(personnummer + "\n"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("personalIdentityNumber");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GRANTED\\n", "\\nGRANTED", "\\tGRANTED", "GRANTED\\u0000", "GRANTED\\u001F", " GRANTED", "GRANTED "})
    void refusesAnEnumValueWithAControlCharacterOrSpaceAroundIt(String outcome) {
        String household = ledger.household(municipality);

        var refused = Users.NILS.on(port).post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "%s", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "100.00"}]}""".formatted(household, outcome));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("outcome");
        assertThat(Users.NILS.on(port).get("/api/v1/households/" + household).status()).isEqualTo(200);
    }

    @Test
    void refusesAnEnumValueInAListWithALineBreak() {
        var refused = Users.NILS.on(port).post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "100.00"}, {"type": "RENT\\n", "amount": "100.00"}]}"""
                .formatted(ledger.household(municipality)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("lines[1].type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\n%s", "%s\\t", " %s", "AAAAAAAAAAAAAAAAAAAAAA=="})
    void refusesAnIdInABodyWithSpaceAroundItOrInAnotherSpelling(String spoilt) {
        String household = ledger.household(municipality);

        var refused = Users.NILS.on(port).post("/api/v1/decisions", """
                {"householdId": "%s", "benefitMonth": "2021-03", "outcome": "GRANTED", "legalBasis": "SOL_2025_12_1",
                 "lines": [{"type": "NORM", "amount": "100.00"}]}""".formatted(spoilt.formatted(household)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("householdId");
    }

    @Test
    void refusesAnIdInAPathWithSpaceAroundIt() {
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "10000.00"), "100.00", "2021-02-25");

        var refused = Users.FRIDA.on(port).get("/api/v1/payments/%20" + payment);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("paymentId");
    }

    /** The scope check takes only an exact id; Spring's conversion read the trimmed one, so the payment was shown past it. */
    @Test
    void anIdWithSpaceAroundItDoesNotPassTheMunicipalityScope() {
        String payment = ledger.payment(ledger.decision(ledger.household(municipality), "2021-03", "10000.00"), "100.00", "2021-02-25");
        Http restricted = Users.FREDRIK.on(port);
        assertThat(restricted.get("/api/v1/payments/" + payment).status()).isEqualTo(404);

        for (String spoilt : new String[]{"%20" + payment, payment + "%09", payment + "%0A"}) {
            var refused = restricted.get("/api/v1/payments/" + spoilt);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain(municipality);
        }
    }

    @Test
    void refusesQueryParametersWithALineBreak() {
        Http finance = Users.FRIDA.on(port);
        String balances = "/api/v1/reports/recovery-balances?municipality=" + municipality;
        assertThat(finance.get(balances + "&status=OPEN").status()).isEqualTo(200);

        var status = finance.get(balances + "&status=" + query("OPEN\n"));
        assertThat(status.status()).as(status.toString()).isEqualTo(400);
        assertThat(status.<String>json("$.errors[0].field")).isEqualTo("status");

        var page = finance.get(balances + "&page=" + query("1\n"));
        assertThat(page.status()).as(page.toString()).isEqualTo(400);
        assertThat(page.<String>json("$.errors[0].field")).isEqualTo("page");

        var size = finance.get(balances + "&size=" + query("1 0"));
        assertThat(size.status()).as(size.toString()).isEqualTo(400);
        assertThat(size.<String>json("$.errors[0].field")).isEqualTo("size");
    }

    @Test
    void refusesAPayeeAccountSearchWithALineBreak() {
        var refused = Users.FRIDA.on(port).get("/api/v1/payments?municipality=" + municipality + "&payeeAccount="
                + query("SE4550000000058398257466\n"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("payeeAccount");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
