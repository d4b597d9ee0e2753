package se.benefitledger.core.payment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An account a payment can be sent to, in one canonical form per kind, so that two spellings of the same account are
 * equal and two different accounts never are:
 * <ul>
 *   <li>{@link Kind#IBAN}: ISO 13616, the country's registered length and the MOD 97-10 check; canonical is the print
 *       format, upper case in groups of four ({@code SE45 5000 0000 0583 9825 7466});</li>
 *   <li>{@link Kind#BANK_ACCOUNT}: a Swedish clearing number and account number checked by the rule Bankgirot's
 *       "Bankernas kontonummer" gives the bank; canonical is {@code clearing account} ({@code 5839 8257466},
 *       Swedbank's five-digit clearing numbers as {@code 8327-9 123456782});</li>
 *   <li>{@link Kind#BANKGIRO}: 7 or 8 digits with a Luhn check digit, {@code BG 5050-1055};</li>
 *   <li>{@link Kind#PLUSGIRO}: 2 to 8 digits with a Luhn check digit, {@code PG 12 34 56-6}.</li>
 * </ul>
 * {@link #toString()} is masked: a Nordea personkonto number is the holder's personnummer.
 */
public final class PayeeAccount {

    /** Longer input is refused before any parsing. */
    public static final int MAX_INPUT_LENGTH = 64;

    public enum Kind { IBAN, BANK_ACCOUNT, BANKGIRO, PLUSGIRO }

    private final Kind kind;
    private final String canonical;
    private final String electronic;

    private PayeeAccount(Kind kind, String canonical, String electronic) {
        this.kind = kind;
        this.canonical = canonical;
        this.electronic = electronic;
    }

    /**
     * Reads an account in any of the accepted spellings: an IBAN (spaces allowed, any case), a Swedish bank account
     * (digits with spaces or hyphens, the clearing number first), or a bankgiro or plusgiro number after {@code BG} or
     * {@code PG}.
     *
     * @throws IllegalArgumentException naming the rule the text breaks, never echoing it
     */
    public static PayeeAccount parse(String text) {
        Objects.requireNonNull(text, "account");
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_INPUT_LENGTH + " characters");
        }
        // the characters before the spaces around them are stripped: strip() would also drop line breaks and other controls
        if (!text.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-')) {
            throw new IllegalArgumentException("an account has letters A-Z, digits 0-9, spaces and hyphens only");
        }
        String stripped = text.strip();
        String upper = stripped.toUpperCase(Locale.ROOT);
        // "BG" is also Bulgaria's IBAN prefix, but a Bulgarian IBAN has its bank's letters after the check digits
        if (upper.startsWith("BG") && onlyDigitsAndSeparators(upper.substring(2))) {
            return bankgiro(digitsOf(upper.substring(2)));
        }
        if (upper.startsWith("PG")) {
            return plusgiro(digitsOf(upper.substring(2)));
        }
        if (upper.length() >= 2 && isLatinLetter(upper.charAt(0)) && isLatinLetter(upper.charAt(1))) {
            return iban(upper);
        }
        return bankAccount(digitsOf(upper));
    }

    /** The account, or empty when the text is not a valid account of any kind. */
    public static Optional<PayeeAccount> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The one form this account is stored, compared and shown in. */
    public String canonical() {
        return canonical;
    }

    /**
     * The account as a bank file identifies it: the IBAN without spaces; clearing number and account number as one
     * run of digits (the BBAN); the bankgiro or plusgiro number's digits.
     */
    public String electronic() {
        return electronic;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PayeeAccount account && kind == account.kind && canonical.equals(account.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, canonical);
    }

    @Override
    public String toString() {
        return kind + " …" + electronic.substring(Math.max(0, electronic.length() - 4));
    }

    // --- IBAN ---

    private static PayeeAccount iban(String upper) {
        String compact = upper.replace(" ", "");
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (!isLatinLetter(c) && !(c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("an IBAN has letters A-Z, digits and spaces only");
            }
        }
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        if (length == null) {
            throw new IllegalArgumentException("an IBAN must start with the code of a country in the IBAN registry");
        }
        if (compact.length() != length) {
            throw new IllegalArgumentException("an IBAN of " + compact.substring(0, 2) + " has " + length + " characters");
        }
        if (!isDigits(compact.substring(2, 4))) {
            throw new IllegalArgumentException("an IBAN has two check digits after its country code");
        }
        if (CheckDigits.mod97(compact.substring(4) + compact.substring(0, 4)) != 1) {
            throw new IllegalArgumentException("the IBAN's check digits do not match (MOD 97-10)");
        }
        var print = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            print.append(i == 0 ? "" : " ").append(compact, i, Math.min(i + 4, compact.length()));
        }
        return new PayeeAccount(Kind.IBAN, print.toString(), compact);
    }

    /** ISO 13616 registry: the length of each country's IBAN. */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    // --- Swedish bank accounts ---

    /** How a bank's account numbers are built and checked: the types and comments of "Bankernas kontonummer". */
    enum Rule {
        /** Type 1, comment 1: 7-digit account; modulus 11 over the clearing number's last three digits and the account. */
        TYPE_1_COMMENT_1,
        /** Type 1, comment 2: 7-digit account; modulus 11 over the whole clearing number and the account. */
        TYPE_1_COMMENT_2,
        /** Type 2, comment 1: 10-digit account with a Luhn check digit. */
        TYPE_2_COMMENT_1,
        /** Type 2, comment 2 (Handelsbanken): up to 9 digits, zero-filled to 9, modulus 11. */
        TYPE_2_COMMENT_2,
        /** Type 2, comment 3: up to 10 digits with a Luhn check digit; leading zeros carry nothing. */
        TYPE_2_COMMENT_3
    }

    record ClearingRange(int from, int to, String bank, Rule rule) {
    }

    /** Bankgirot, "Bankernas kontonummeruppbyggnad": clearing number series and the rule of each. */
    static final List<ClearingRange> CLEARING_RANGES = List.of(
            new ClearingRange(1100, 1199, "Nordea", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(1200, 1399, "Danske Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(1400, 2099, "Nordea", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(2300, 2399, "Ålandsbanken", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(2400, 2499, "Danske Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(3000, 3299, "Nordea", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(3300, 3300, "Nordea personkonto", Rule.TYPE_2_COMMENT_1),
            new ClearingRange(3301, 3399, "Nordea", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(3400, 3409, "Länsförsäkringar Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(3410, 3781, "Nordea", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(3782, 3782, "Nordea personkonto", Rule.TYPE_2_COMMENT_1),
            new ClearingRange(3783, 3999, "Nordea", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(4000, 4999, "Nordea", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(5000, 5999, "SEB", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(6000, 6999, "Handelsbanken", Rule.TYPE_2_COMMENT_2),
            new ClearingRange(7000, 7999, "Swedbank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(8000, 8999, "Swedbank", Rule.TYPE_2_COMMENT_3),
            new ClearingRange(9020, 9029, "Länsförsäkringar Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9040, 9049, "Citibank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9060, 9069, "Länsförsäkringar Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9070, 9079, "Multitude Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9100, 9109, "Nordnet Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9120, 9124, "SEB", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9130, 9149, "SEB", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9150, 9169, "Skandiabanken", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9170, 9179, "Ikano Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9180, 9189, "Danske Bank", Rule.TYPE_2_COMMENT_1),
            new ClearingRange(9190, 9199, "DNB Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9230, 9239, "Marginalen Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9250, 9259, "SBAB", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9260, 9269, "DNB Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9270, 9279, "ICA Banken", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9280, 9289, "Resurs Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9300, 9349, "Swedbank (formerly Sparbanken Öresund)", Rule.TYPE_2_COMMENT_1),
            new ClearingRange(9390, 9399, "Landshypotek", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9400, 9449, "Forex Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9460, 9469, "Santander Consumer Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9470, 9479, "BNP Paribas", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9500, 9549, "Nordea (Plusgirot)", Rule.TYPE_2_COMMENT_3),
            new ClearingRange(9550, 9569, "Avanza Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9570, 9579, "Sparbanken Syd", Rule.TYPE_2_COMMENT_1),
            new ClearingRange(9580, 9589, "Aion Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9590, 9599, "Erik Penser", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9630, 9639, "Lån & Spar Bank", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9640, 9649, "Nordax Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9660, 9669, "Svea Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9670, 9679, "JAK Medlemsbank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9680, 9689, "Bluestep Finans", Rule.TYPE_1_COMMENT_1),
            new ClearingRange(9700, 9709, "Ekobanken", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9710, 9719, "Lunar Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9750, 9759, "Northmill Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9780, 9789, "Klarna Bank", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9880, 9889, "Riksgälden", Rule.TYPE_1_COMMENT_2),
            new ClearingRange(9890, 9899, "Riksgälden", Rule.TYPE_2_COMMENT_1),
            new ClearingRange(9960, 9969, "Nordea (Plusgirot)", Rule.TYPE_2_COMMENT_3));

    static Optional<ClearingRange> clearingRange(int clearing) {
        return CLEARING_RANGES.stream().filter(range -> range.from() <= clearing && clearing <= range.to()).findFirst();
    }

    private static PayeeAccount bankAccount(String digits) {
        if (digits.length() < 5) {
            throw new IllegalArgumentException("must be an IBAN, a Swedish bank account (clearing number and account number), "
                                               + "or a bankgiro (BG) or plusgiro (PG) number");
        }
        int clearing = Integer.parseInt(digits.substring(0, 4));
        ClearingRange range = clearingRange(clearing).orElseThrow(() -> new IllegalArgumentException(
                "clearing number " + clearing + " belongs to no bank in Bankgirot's table of account numbers"));
        // Swedbank's 8xxx clearing numbers have a fifth digit, a Luhn check digit over the first four
        boolean fiveDigitClearing = clearing >= 8000 && clearing <= 8999;
        String clearingDigits = digits.substring(0, fiveDigitClearing ? 5 : 4);
        if (fiveDigitClearing && !CheckDigits.luhnValid(clearingDigits)) {
            throw new IllegalArgumentException("a Swedbank clearing number 8xxx-x ends in its check digit, which does not match");
        }
        String account = digits.substring(clearingDigits.length());
        String canonicalAccount = switch (range.rule()) {
            case TYPE_1_COMMENT_1 -> {
                requireLength(account, 7, 7, range);
                requireCheck(CheckDigits.mod11Valid(clearingDigits.substring(1) + account), range);
                yield account;
            }
            case TYPE_1_COMMENT_2 -> {
                requireLength(account, 7, 7, range);
                requireCheck(CheckDigits.mod11Valid(clearingDigits + account), range);
                yield account;
            }
            case TYPE_2_COMMENT_1 -> {
                requireLength(account, 10, 10, range);
                requireCheck(CheckDigits.luhnValid(account), range);
                yield account;
            }
            case TYPE_2_COMMENT_2 -> {
                requireLength(account, 1, 9, range);
                String nine = "0".repeat(9 - account.length()) + account;
                requireCheck(CheckDigits.mod11Valid(nine), range);
                yield nine;
            }
            case TYPE_2_COMMENT_3 -> {
                requireLength(account, 1, 10, range);
                String significant = account.replaceFirst("^0+", "");
                if (significant.length() < 2) {
                    throw new IllegalArgumentException("an account number at " + range.bank() + " has a check digit and at least one digit before it");
                }
                requireCheck(CheckDigits.luhnValid(significant), range);
                yield significant;
            }
        };
        String clearingShown = fiveDigitClearing ? clearingDigits.substring(0, 4) + "-" + clearingDigits.charAt(4) : clearingDigits;
        return new PayeeAccount(Kind.BANK_ACCOUNT, clearingShown + " " + canonicalAccount, clearingDigits + canonicalAccount);
    }

    private static void requireLength(String account, int min, int max, ClearingRange range) {
        if (account.length() < min || account.length() > max) {
            throw new IllegalArgumentException("an account number at " + range.bank() + " (clearing " + range.from() + "-" + range.to()
                                               + ") has " + (min == max ? Integer.toString(max) : "at most " + max) + " digits after the clearing number");
        }
    }

    private static void requireCheck(boolean valid, ClearingRange range) {
        if (!valid) {
            throw new IllegalArgumentException("the check digit does not match " + range.bank() + "'s rule ("
                                               + range.rule().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of Bankgirot's table)");
        }
    }

    // --- bankgiro and plusgiro ---

    private static PayeeAccount bankgiro(String digits) {
        String number = digits.replaceFirst("^0+", "");
        if (number.length() < 7 || number.length() > 8) {
            throw new IllegalArgumentException("a bankgiro number has 7 or 8 digits");
        }
        if (!CheckDigits.luhnValid(number)) {
            throw new IllegalArgumentException("the bankgiro number's check digit does not match (Luhn)");
        }
        int split = number.length() - 4;
        return new PayeeAccount(Kind.BANKGIRO, "BG " + number.substring(0, split) + "-" + number.substring(split), number);
    }

    private static PayeeAccount plusgiro(String digits) {
        String number = digits.replaceFirst("^0+", "");
        if (number.length() < 2 || number.length() > 8) {
            throw new IllegalArgumentException("a plusgiro number has 2 to 8 digits");
        }
        if (!CheckDigits.luhnValid(number)) {
            throw new IllegalArgumentException("the plusgiro number's check digit does not match (Luhn)");
        }
        String body = number.substring(0, number.length() - 1);
        var shown = new StringBuilder();
        int first = body.length() % 2 == 0 ? 2 : 1;
        shown.append(body, 0, Math.min(first, body.length()));
        for (int i = first; i < body.length(); i += 2) {
            shown.append(' ').append(body, i, i + 2);
        }
        return new PayeeAccount(Kind.PLUSGIRO, "PG " + shown + "-" + number.charAt(number.length() - 1), number);
    }

    // --- characters ---

    /** ASCII digits, spaces and hyphens only; the digits. */
    private static String digitsOf(String text) {
        var digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                throw new IllegalArgumentException("a Swedish account, bankgiro or plusgiro number has digits 0-9, spaces and hyphens only");
            }
        }
        return digits.toString();
    }

    private static boolean onlyDigitsAndSeparators(String text) {
        return text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == ' ' || c == '-');
    }

    private static boolean isDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isLatinLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
