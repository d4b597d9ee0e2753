package se.benefitledger.api.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The contract's bounds on input of every endpoint, in one place: dates and months inside
 * 2000-01-01 … 2099-12-31, money strings of at most 13 characters, texts of at most 140
 * characters without control or bidirectional characters. Each check looks at the length before
 * it parses anything, and its message never repeats the value.
 */
public final class InputBounds {

    public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
    public static final YearMonth FIRST_MONTH = YearMonth.from(FIRST_DATE);
    public static final YearMonth LAST_MONTH = YearMonth.from(LAST_DATE);
    /** {@code "10000000.00"} and a little room for a sign or leading zeros; longer is refused unread. */
    public static final int MAX_MONEY_CHARACTERS = 13;
    public static final int MAX_TEXT_CHARACTERS = 140;
    /** The longest form of a personnummer, {@code 19811218-9876}; longer input is refused unread. */
    public static final int MAX_PERSONAL_IDENTITY_NUMBER_CHARACTERS = 13;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern ID = Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private InputBounds() {
    }

    /** A date {@code YYYY-MM-DD} inside the bounds. */
    public static LocalDate date(String text) {
        if (text == null || text.length() != 10 || !DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a date of the form YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date that exists, of the form YYYY-MM-DD");
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw new IllegalArgumentException("must be between " + FIRST_DATE + " and " + LAST_DATE);
        }
        return date;
    }

    /** A month {@code YYYY-MM} inside the bounds. */
    public static YearMonth month(String text) {
        if (text == null || text.length() != 7 || !MONTH.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a month of the form YYYY-MM");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a month of the form YYYY-MM");
        }
        if (month.isBefore(FIRST_MONTH) || month.isAfter(LAST_MONTH)) {
            throw new IllegalArgumentException("must be between " + FIRST_MONTH + " and " + LAST_MONTH);
        }
        return month;
    }

    /** An ISO-8601 instant in UTC, e.g. {@code 2021-03-25T10:15:30Z}, inside the bounds. */
    public static Instant instant(String text) {
        if (text == null || text.length() > 30) {
            throw new IllegalArgumentException("must be an ISO-8601 instant in UTC, e.g. 2021-03-25T10:15:30Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 instant in UTC, e.g. 2021-03-25T10:15:30Z");
        }
        if (instant.isBefore(FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !instant.isBefore(LAST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new IllegalArgumentException("must be between " + FIRST_DATE + " and " + LAST_DATE);
        }
        return instant;
    }

    /** A year inside the bounds. */
    public static int year(String text) {
        if (text == null || text.length() != 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("must be a year, e.g. 2021");
        }
        int year = Integer.parseInt(text);
        if (year < FIRST_DATE.getYear() || year > LAST_DATE.getYear()) {
            throw new IllegalArgumentException("must be between " + FIRST_DATE.getYear() + " and " + LAST_DATE.getYear());
        }
        return year;
    }

    /**
     * Text as people write it: at most 140 characters (code points), no C0 or C1 control
     * characters (not even line breaks), no Unicode bidirectional controls, and no unpaired
     * surrogate (a JSON escape such as {@code \\uD800} is not valid UTF-8).
     */
    public static String text(String text) {
        if (text.length() > 2 * MAX_TEXT_CHARACTERS || text.codePointCount(0, text.length()) > MAX_TEXT_CHARACTERS) {
            throw new IllegalArgumentException("must be at most " + MAX_TEXT_CHARACTERS + " characters");
        }
        return characters(text);
    }

    /**
     * A value that names something (an enum constant, an id, a personnummer, a number) exactly as
     * written: nothing that {@link #text} refuses, and no white space before or after it, which
     * Jackson and Spring would trim away before they read the rest.
     */
    public static String exact(String value) {
        if (!value.isEmpty() && (value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' '
                || Character.isWhitespace(value.codePointAt(0)) || Character.isWhitespace(value.codePointBefore(value.length())))) {
            throw new IllegalArgumentException("must not begin or end with white space");
        }
        return characters(value);
    }

    /** An id in its one spelling, {@code 8-4-4-4-12} hexadecimal digits (Jackson would also read 24 characters of Base64). */
    public static UUID id(String text) {
        if (text.length() != 36 || !ID.matcher(text).matches()) {
            throw new IllegalArgumentException("must be an id of the form 3f2b6c1e-0000-4a7d-9c1e-5b2d8f0a1c3e");
        }
        return UUID.fromString(text);
    }

    private static String characters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("must be valid Unicode text (an unpaired surrogate is not)");
            } else if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("must not contain control characters");
            } else if (isBidirectionalControl(c)) {
                throw new IllegalArgumentException("must not contain Unicode bidirectional control characters");
            }
        }
        return text;
    }

    /** ALM, LRM, RLM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). */
    static boolean isBidirectionalControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
