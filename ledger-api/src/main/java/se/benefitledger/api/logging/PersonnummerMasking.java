package se.benefitledger.api.logging;

import java.util.regex.Pattern;

/**
 * Hides anything shaped like a personnummer or samordningsnummer (10 or 12 digits, optionally
 * with {@code -}, {@code +} or URL-encoded {@code +} before the last four) in log text. The last line of
 * defence: the ledger's own code never logs one, but frameworks log request lines and values.
 * Digits inside identifiers (UUIDs) are left alone.
 */
final class PersonnummerMasking {

    private static final Pattern NUMBER = Pattern.compile("(?<![0-9A-Za-z-])((?:[0-9]{2})?[0-9]{6})(?:-|\\+|%2[Bb])?[0-9]{4}(?![0-9A-Za-z-])");

    private PersonnummerMasking() {
    }

    static String mask(String text) {
        if (text == null || text.length() < 10) {
            return text;
        }
        return NUMBER.matcher(text).replaceAll("$1-****");
    }
}
