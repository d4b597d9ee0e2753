package se.benefitledger.core.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.benefitledger.core.payment.PayeeAccount.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayeeAccountTest {

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SE45 5000 0000 0583 9825 7466     | IBAN         | SE45 5000 0000 0583 9825 7466 | SE4550000000058398257466
            se4550000000058398257466          | IBAN         | SE45 5000 0000 0583 9825 7466 | SE4550000000058398257466
            GB29 NWBK 6016 1331 9268 19       | IBAN         | GB29 NWBK 6016 1331 9268 19   | GB29NWBK60161331926819
            DE89370400440532013000            | IBAN         | DE89 3704 0044 0532 0130 00   | DE89370400440532013000
            NO93 8601 1117 947                | IBAN         | NO93 8601 1117 947            | NO9386011117947
            MT84MALT011000012345MTLCAST001S   | IBAN         | MT84 MALT 0110 0001 2345 MTLC AST0 01S | MT84MALT011000012345MTLCAST001S
            8327-9 123456782                  | BANK_ACCOUNT | 8327-9 123456782              | 83279123456782
            8327-9 0123456782                 | BANK_ACCOUNT | 8327-9 123456782              | 83279123456782
            83279-123 456 782                 | BANK_ACCOUNT | 8327-9 123456782              | 83279123456782
            5839-8257466                      | BANK_ACCOUNT | 5839 8257466                  | 58398257466
            5000 123 456 0                    | BANK_ACCOUNT | 5000 1234560                  | 50001234560
            7001 1234563                      | BANK_ACCOUNT | 7001 1234563                  | 70011234563
            4000 1234567                      | BANK_ACCOUNT | 4000 1234567                  | 40001234567
            9552 7654325                      | BANK_ACCOUNT | 9552 7654325                  | 95527654325
            6789 123456789                    | BANK_ACCOUNT | 6789 123456789                | 6789123456789
            9180 1234567897                   | BANK_ACCOUNT | 9180 1234567897               | 91801234567897
            BG 5050-1055                      | BANKGIRO     | BG 5050-1055                  | 50501055
            bg50501055                        | BANKGIRO     | BG 5050-1055                  | 50501055
            PG 12 34 56-6                     | PLUSGIRO     | PG 12 34 56-6                 | 1234566
            PG 1234566                        | PLUSGIRO     | PG 12 34 56-6                 | 1234566
            PG 4-2                            | PLUSGIRO     | PG 4-2                        | 42
            PG 123455                         | PLUSGIRO     | PG 1 23 45-5                  | 123455
            """)
    void readsEveryKindIntoOneCanonicalForm(String text, Kind kind, String canonical, String electronic) {
        var account = PayeeAccount.parse(text);

        assertThat(account.kind()).isEqualTo(kind);
        assertThat(account.canonical()).isEqualTo(canonical);
        assertThat(account.electronic()).isEqualTo(electronic);
        assertThat(PayeeAccount.parse(account.canonical())).as("the canonical form reads as itself").isEqualTo(account);
    }

    @Test
    void refusesTheV1ExampleWhoseSwedbankCheckDigitIsWrong() {
        assertThatThrownBy(() -> PayeeAccount.parse("8327-9 123456789"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check digit").hasMessageContaining("Swedbank");
        assertThat(PayeeAccount.parse("8327-9 123456782").canonical()).isEqualTo("8327-9 123456782");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SE45 5000 0000 0583 9825 7467  | check digits do not match
            SE45 5000 0000 0583 9825 746   | has 24 characters
            XX45 5000 0000 0583 9825 7466  | IBAN registry
            SEAB 5000 0000 0583 9825 7466  | two check digits
            SE45-5000-0000-0583-9825-7466  | letters A-Z, digits and spaces only
            8327-1 123456782               | Swedbank clearing number
            8327 123456782                 | Swedbank clearing number
            8327-9 12345678901             | at most 10 digits
            5000 1234561                   | check digit does not match SEB
            5000 123456                    | has 7 digits
            4000 1234568                   | type 1 comment 2
            6789 123456788                 | Handelsbanken
            9180 1234567898                | Danske Bank
            0999 1234567                   | belongs to no bank
            2200 1234567                   | belongs to no bank
            BG 5050-1056                   | bankgiro number's check digit
            BG 123-45                      | 7 or 8 digits
            PG 12 34 56-7                  | plusgiro number's check digit
            PG 123456789-0                 | 2 to 8 digits
            1234                           | must be an IBAN
            ''                             | must be an IBAN
            8327-9 12345678²               | letters A-Z, digits 0-9
            8327-9 ١٢٣٤٥٦٧٨٢               | letters A-Z, digits 0-9
            8327-9/123456782               | letters A-Z, digits 0-9
            """)
    void refusesNamingTheRule(String text, String rule) {
        assertThatThrownBy(() -> PayeeAccount.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(rule);
    }

    @Test
    void neverEchoesTheAccountInItsMessageOrToString() {
        String personkonto = "3300 8112189876";
        assertThat(PayeeAccount.parse(personkonto).toString()).doesNotContain("8112189876").isEqualTo("BANK_ACCOUNT …9876");
        assertThatThrownBy(() -> PayeeAccount.parse("3300 8112189877")).message().doesNotContain("8112189877");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SE4550000000058398257466\n", "\tBG 5050-1055", "PG 12 34 56-6\r", "\u000B8327-9 123456782"})
    void refusesAControlCharacterAroundTheAccountWhereSpacesAreStripped(String text) {
        assertThatThrownBy(() -> PayeeAccount.parse(text)).hasMessageContaining("letters A-Z, digits 0-9, spaces and hyphens only");
        assertThat(PayeeAccount.parse(" " + text.strip() + " ")).isEqualTo(PayeeAccount.parse(text.strip()));
    }

    @Test
    void refusesOverlongInputBeforeReadingIt() {
        assertThatThrownBy(() -> PayeeAccount.parse("1".repeat(1_000_000))).hasMessage("must be at most 64 characters");
    }

    @Test
    void ibansThatDifferOnlyInTheirBankLettersAreDifferentAccounts() {
        var westminster = PayeeAccount.parse("GB29 NWBK 6016 1331 9268 19");
        var other = PayeeAccount.parse("GB29 NWAN 6016 1331 9268 19");

        assertThat(westminster).isNotEqualTo(other);
        assertThat(westminster.canonical()).isNotEqualTo(other.canonical());
    }

    @Test
    void aBulgarianIbanIsNotABankgiroNumber() {
        assertThat(PayeeAccount.parse("BG80 BNBG 9661 1020 3456 78").kind()).isEqualTo(Kind.IBAN);
    }

    /** From {@code checkedFrom} on, every single-digit change must be refused; a changed clearing number may be another bank's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SE4550000000058398257466 | 0
            83279123456782           | 4
            58398257466              | 4
            70011234563              | 4
            40001234567              | 4
            95527654325              | 4
            6789123456789            | 4
            91801234567897           | 4
            BG50501055               | 2
            PG1234566                | 2
            """)
    void refusesEveryChangeOfOneDigit(String valid, int checkedFrom) {
        assertThat(PayeeAccount.tryParse(valid)).isPresent();
        for (int i = checkedFrom; i < valid.length(); i++) {
            char original = valid.charAt(i);
            if (original < '0' || original > '9') {
                continue;
            }
            for (char digit = '0'; digit <= '9'; digit++) {
                String changed = valid.substring(0, i) + digit + valid.substring(i + 1);
                assertThat(PayeeAccount.tryParse(changed).isPresent()).as(changed).isEqualTo(digit == original);
            }
        }
    }

    @Test
    void checkDigitSchemesMatchTheirPublishedExamples() {
        assertThat(CheckDigits.luhn("8327")).isEqualTo(9);
        assertThat(CheckDigits.luhn("5050105")).isEqualTo(5);
        assertThat(CheckDigits.mod11Valid("123456789")).as("Handelsbanken's 9 digits").isTrue();
        assertThat(CheckDigits.mod11Valid("8398257466")).as("SEB, comment 1").isTrue();
    }
}
