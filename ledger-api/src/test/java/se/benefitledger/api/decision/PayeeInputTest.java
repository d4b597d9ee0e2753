package se.benefitledger.api.decision;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.Http;
import se.benefitledger.api.support.Ledger;
import se.benefitledger.api.support.LedgerApiTest;
import se.benefitledger.api.support.Users;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The payee of {@code POST /decisions/{id}/payments}: a name a bank file can carry and an account as the banks check it. */
@LedgerApiTest
class PayeeInputTest {

    @LocalServerPort
    int port;
    Ledger ledger;
    String decision;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(port);
        decision = ledger.decision(ledger.household("0488"), "2021-03", "100000.00");
    }

    /** A name with U+0001 was stored, and the batch's bank file was then not well-formed XML: nobody was paid. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Anna\\u0001Andersson",      // C0 control
            "Anna\\u0085Andersson",      // C1 control (NEL)
            "Anna\\u202EnosreddnA",      // bidi override
            "Anna\\u2066Andersson",      // bidi isolate
            "Anna\\u200FAndersson",      // right-to-left mark
            "Anna\\nAndersson",
            "Anna\\tAndersson",
            "Anna <Andersson>",
            "Anna; Andersson",
            "Anna \\\"A\\\" Andersson",
            "Anna_Andersson",
            "Anna 😀"})
    void refusesAPayeeNameWithACharacterOutsideTheContract(String name) {
        var refused = schedule(name, "8327-9 123456782");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("payee.name");
    }

    @Test
    void takesSeventyCharactersButNotSeventyOne() {
        // 'ÅÄÖ' are one code point each; '𝐀' is one code point in two UTF-16 units
        String seventy = "Åsa " + "ä".repeat(60) + " 𝐀𝐀𝐀𝐀𝐀";

        assertThat(seventy.codePointCount(0, seventy.length())).isEqualTo(70);
        assertThat(schedule(seventy, "8327-9 123456782").status()).isEqualTo(201);
        var refused = schedule(seventy + "ö", "8327-9 123456782");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("payee.name");
    }

    @Test
    void keepsANameWithEveryAllowedKindOfCharacterAsGiven() {
        String name = "Åsa Öberg-Ünal & Söner (AB) 2/3 + d'Éric, Jr. Ελένη Жанна 山田";

        var created = schedule(name, "8327-9 123456782");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var shown = Users.NILS.on(port).get("/api/v1/payments/" + created.json("$.paymentId"));
        assertThat(shown.<String>json("$.payee.name")).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            8327-9 123456789              | check digit
            8327-1 123456782              | Swedbank clearing number
            SE45 5000 0000 0583 9825 7467 | MOD 97-10
            SE45 5000 0000 0583 9825 746  | 24 characters
            BG 5050-1056                  | bankgiro
            PG 12 34 56-7                 | plusgiro
            0999 1234567                  | clearing number 999
            1234                          | must be an IBAN
            """)
    void refusesAnInvalidAccountNamingTheFieldAndTheRule(String account, String rule) {
        var refused = schedule("Anna Andersson", account);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("payee.account");
        assertThat(refused.<List<String>>json("$.errors[*].message")).singleElement(InstanceOfAssertFactories.STRING).contains(rule);
        String compact = account.replace(" ", "");
        if (compact.length() >= 8) {
            assertThat(refused.body()).as("the account is not echoed").doesNotContain(compact.substring(compact.length() - 8));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            se4550000000058398257466      | SE45 5000 0000 0583 9825 7466
            8327-9 0123456782             | 8327-9 123456782
            83279 123 456 782             | 8327-9 123456782
            5839-825 746 6                | 5839 8257466
            6789 123 456 789              | 6789 123456789
            bg50501055                    | BG 5050-1055
            PG 1234566                    | PG 12 34 56-6
            """)
    void showsTheAccountInItsCanonicalForm(String given, String canonical) {
        var created = schedule("Anna Andersson", given);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.<String>json("$.payee.account")).isEqualTo(canonical);
        assertThat(Users.NILS.on(port).get("/api/v1/payments/" + created.json("$.paymentId")).<String>json("$.payee.account")).isEqualTo(canonical);
    }

    private Http.Response schedule(String name, String account) {
        return Users.NILS.on(port).post("/api/v1/decisions/" + decision + "/payments", """
                {"amount": "10.00", "dueDate": "2021-02-25", "payee": {"type": "HOUSEHOLD", "name": "%s", "account": "%s"}}"""
                .formatted(name, account));
    }
}
