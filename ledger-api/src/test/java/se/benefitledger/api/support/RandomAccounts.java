package se.benefitledger.api.support;

import se.benefitledger.core.payment.CheckDigits;
import se.benefitledger.core.payment.PayeeAccount.Kind;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random valid payee accounts of every kind, each with the spelling a user might type and, worked out here rather than
 * by the code under test, its canonical form and the identifier a bank file carries.
 */
public final class RandomAccounts {

    /** One account: as typed, as stored and shown, and as the bank file identifies it. */
    public record Generated(Kind kind, String given, String canonical, String electronic) {
    }

    /** IBAN countries: code and the BBAN's pattern (n digit, a upper-case letter, c letter or digit). */
    private static final List<String[]> IBAN_COUNTRIES = List.of(
            new String[]{"SE", "nnnnnnnnnnnnnnnnnnnn"},
            new String[]{"DE", "nnnnnnnnnnnnnnnnnn"},
            new String[]{"GB", "aaaannnnnnnnnnnnnn"},
            new String[]{"NO", "nnnnnnnnnnn"},
            new String[]{"FR", "nnnnnnnnnncccccccccccnn"},
            new String[]{"NL", "aaaannnnnnnnnn"},
            new String[]{"MT", "aaaannnnncccccccccccccccccc"},
            new String[]{"FI", "nnnnnnnnnnnnnn"},
            new String[]{"DK", "nnnnnnnnnnnnnn"});

    /** Clearing number series and rules of several banks, from Bankgirot's table. */
    private enum Bank {
        SEB(5000, 5999, 1), NORDEA(4000, 4999, 2), SWEDBANK_7(7000, 7999, 1), DANSKE(1200, 1399, 1), AVANZA(9550, 9569, 2),
        ICA(9270, 9279, 1), HANDELSBANKEN(6000, 6999, 22), SWEDBANK_8(8000, 8999, 23), DANSKE_10(9180, 9189, 21),
        NORDEA_PERSONKONTO(3300, 3300, 21), SPARBANKEN_SYD(9570, 9579, 21);

        final int from;
        final int to;
        final int rule;

        Bank(int from, int to, int rule) {
            this.from = from;
            this.to = to;
            this.rule = rule;
        }
    }

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Random random;

    public RandomAccounts(Random random) {
        this.random = random;
    }

    /** An account of a kind drawn evenly among the four. */
    public Generated next() {
        return switch (Kind.values()[random.nextInt(Kind.values().length)]) {
            case IBAN -> iban();
            case BANK_ACCOUNT -> bankAccount();
            case BANKGIRO -> bankgiro();
            case PLUSGIRO -> plusgiro();
        };
    }

    public Generated iban() {
        String[] country = IBAN_COUNTRIES.get(random.nextInt(IBAN_COUNTRIES.size()));
        var bban = new StringBuilder();
        for (char c : country[1].toCharArray()) {
            bban.append(switch (c) {
                case 'n' -> digit();
                case 'a' -> letter();
                default -> random.nextBoolean() ? digit() : letter();
            });
        }
        BigInteger numeric = new BigInteger(numeric(bban + country[0] + "00"));
        int check = 98 - numeric.mod(BigInteger.valueOf(97)).intValue();
        String compact = country[0] + String.format("%02d", check) + bban;
        String print = compact.replaceAll("(.{4})(?!$)", "$1 ");
        String given = switch (random.nextInt(3)) {
            case 0 -> print;
            case 1 -> compact;
            default -> compact.toLowerCase(Locale.ROOT);
        };
        return new Generated(Kind.IBAN, given, print, compact);
    }

    public Generated bankAccount() {
        Bank bank = Bank.values()[random.nextInt(Bank.values().length)];
        String clearing = Integer.toString(bank.from + random.nextInt(bank.to - bank.from + 1));
        return switch (bank.rule) {
            case 1, 2 -> {
                String account;
                do {
                    account = mod11Completed(bank.rule == 1 ? clearing.substring(1) : clearing, digits(6));
                } while (account == null);
                yield new Generated(Kind.BANK_ACCOUNT, spaced(clearing + "-" + account), clearing + " " + account, clearing + account);
            }
            case 21 -> {
                String account = digits(9);
                account += CheckDigits.luhn(account);
                yield new Generated(Kind.BANK_ACCOUNT, clearing + " " + account, clearing + " " + account, clearing + account);
            }
            case 22 -> {
                String account;
                do {
                    account = mod11Completed("", digits(8));
                } while (account == null);
                yield new Generated(Kind.BANK_ACCOUNT, clearing + " " + spaced(account), clearing + " " + account, clearing + account);
            }
            default -> {
                String fullClearing = clearing + CheckDigits.luhn(clearing);
                String account = nonZeroDigit() + digits(1 + random.nextInt(8));
                account += CheckDigits.luhn(account);
                // leading zeros carry nothing in these account numbers
                String given = fullClearing.substring(0, 4) + "-" + fullClearing.charAt(4) + " " + "0".repeat(random.nextInt(10 - account.length() + 1)) + account;
                yield new Generated(Kind.BANK_ACCOUNT, given, fullClearing.substring(0, 4) + "-" + fullClearing.charAt(4) + " " + account,
                        fullClearing + account);
            }
        };
    }

    public Generated bankgiro() {
        String number = nonZeroDigit() + digits(5 + random.nextInt(2));
        number += CheckDigits.luhn(number);
        String canonical = "BG " + number.substring(0, number.length() - 4) + "-" + number.substring(number.length() - 4);
        return new Generated(Kind.BANKGIRO, random.nextBoolean() ? canonical : "bg" + number, canonical, number);
    }

    public Generated plusgiro() {
        String number = nonZeroDigit() + digits(random.nextInt(7));
        number += CheckDigits.luhn(number);
        String body = number.substring(0, number.length() - 1);
        String grouped = new StringBuilder(body).reverse().toString().replaceAll("(..)(?!$)", "$1 ");
        String canonical = "PG " + new StringBuilder(grouped).reverse() + "-" + number.charAt(number.length() - 1);
        return new Generated(Kind.PLUSGIRO, random.nextBoolean() ? canonical : "PG " + number, canonical, number);
    }

    /** {@code payload} and the digit that makes {@code prefix + payload + digit} pass modulus 11, or null if none does. */
    private static String mod11Completed(String prefix, String payload) {
        for (int check = 0; check <= 9; check++) {
            if (CheckDigits.mod11Valid(prefix + payload + check)) {
                return payload + check;
            }
        }
        return null;
    }

    private String spaced(String digits) {
        return random.nextBoolean() ? digits : digits.replaceAll("(\\d{3})(?=\\d)", "$1 ");
    }

    private static String numeric(String alphanumeric) {
        var numeric = new StringBuilder();
        for (char c : alphanumeric.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : Integer.toString(c - 'A' + 10));
        }
        return numeric.toString();
    }

    private String digits(int count) {
        var digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(digit());
        }
        return digits.toString();
    }

    private char digit() {
        return (char) ('0' + random.nextInt(10));
    }

    private char nonZeroDigit() {
        return (char) ('1' + random.nextInt(9));
    }

    private char letter() {
        return LETTERS.charAt(random.nextInt(LETTERS.length()));
    }
}
