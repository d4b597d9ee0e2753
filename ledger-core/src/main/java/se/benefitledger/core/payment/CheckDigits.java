package se.benefitledger.core.payment;

/** The check digit schemes of Swedish account numbers; digits are ASCII {@code 0-9} only. */
public final class CheckDigits {

    private CheckDigits() {
    }

    /** The Luhn (modulus 10) digit to append to {@code payload}: weights 2, 1, 2, … from the right. */
    public static int luhn(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int product = digit(payload, payload.length() - 1 - i) * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit of {@code number} is the Luhn digit of the digits before it. */
    public static boolean luhnValid(String number) {
        return number.length() >= 2 && luhn(number.substring(0, number.length() - 1)) == digit(number, number.length() - 1);
    }

    /**
     * Bankgirot's modulus 11: weights 1, 2, …, 10, 1, 2, … from the right (written left to right for eleven digits:
     * 1, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1); the number is valid when the weighted sum is divisible by 11.
     */
    public static boolean mod11Valid(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            sum += digit(number, number.length() - 1 - i) * (i % 10 + 1);
        }
        return sum % 11 == 0;
    }

    /** ISO 7064 MOD 97-10 over an IBAN moved to check order (country and check digits at the end), letters as 10-35. */
    static int mod97(String alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            int value = c <= '9' ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
            remainder %= 97;
        }
        return remainder;
    }

    private static int digit(String number, int index) {
        char c = number.charAt(index);
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a digit at " + index);
        }
        return c - '0';
    }
}
