package se.benefitledger.core.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Swedish personnummer or samordningsnummer (day of birth + 60), normalised to twelve digits
 * {@code YYYYMMDDNNNC}. Accepted input: ten or twelve digits, with or without a {@code -} or
 * {@code +} separator; {@code +} on a ten-digit number marks a person aged 100 or more.
 * <p>
 * {@link #toString()} is masked so that the number cannot leak into logs by accident; only
 * {@link #digits()} gives it whole.
 */
public final class PersonalIdentityNumber {

    private static final Pattern FORMAT = Pattern.compile("(\\d{2})?(\\d{6})([-+]?)(\\d{4})");
    private static final int COORDINATION_DAY_OFFSET = 60;

    private final String digits;
    private final LocalDate birthDate;
    private final boolean coordinationNumber;

    private PersonalIdentityNumber(String digits, LocalDate birthDate, boolean coordinationNumber) {
        this.digits = digits;
        this.birthDate = birthDate;
        this.coordinationNumber = coordinationNumber;
    }

    /** Birth dates and centuries are Swedish dates: "today" is today in Sweden, whatever the JVM's time zone. */
    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    public static PersonalIdentityNumber parse(String text) {
        return parse(text, Clock.systemUTC());
    }

    /** Parses as of the clock's instant, taking today's date in Sweden (the clock's own zone does not matter). */
    public static PersonalIdentityNumber parse(String text, Clock clock) {
        return parse(text, LocalDate.ofInstant(clock.instant(), SWEDEN));
    }

    /**
     * @param today the date used to choose the century of a ten-digit number
     * @throws IllegalArgumentException naming what is wrong, never echoing the number
     */
    public static PersonalIdentityNumber parse(String text, LocalDate today) {
        Objects.requireNonNull(text, "personal identity number");
        // exactly the number: trimming would take "\n198112189876" (or any control character before or after it) as valid
        var matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be 10 or 12 digits, optionally with '-' or '+' before the last four");
        }
        String century = matcher.group(1);
        String yymmdd = matcher.group(2);
        String separator = matcher.group(3);
        String serialAndCheck = matcher.group(4);
        if (century != null && "+".equals(separator)) {
            throw new IllegalArgumentException("'+' is only used with 10 digits");
        }
        String tenDigits = yymmdd + serialAndCheck;
        if (luhnCheckDigit(tenDigits.substring(0, 9)) != tenDigits.charAt(9) - '0') {
            throw new IllegalArgumentException("check digit does not match (Luhn)");
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int month = Integer.parseInt(yymmdd.substring(2, 4));
        int day = Integer.parseInt(yymmdd.substring(4, 6));
        boolean coordination = day > COORDINATION_DAY_OFFSET;
        int birthDay = coordination ? day - COORDINATION_DAY_OFFSET : day;
        int year = century != null
                ? Integer.parseInt(century) * 100 + yy
                : inferYear(yy, month, birthDay, "+".equals(separator), today);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, month, birthDay);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("date of birth does not exist");
        }
        if (birthDate.isAfter(today)) {
            throw new IllegalArgumentException("date of birth is in the future");
        }
        return new PersonalIdentityNumber(String.format("%04d", year) + tenDigits.substring(2), birthDate, coordination);
    }

    private static int inferYear(int yy, int month, int day, boolean hundredOrOlder, LocalDate today) {
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        if (isAfter(year, month, day, today)) {
            year -= 100;
        }
        return hundredOrOlder ? year - 100 : year;
    }

    private static boolean isAfter(int year, int month, int day, LocalDate today) {
        return year > today.getYear()
                || (year == today.getYear() && (month > today.getMonthValue()
                || (month == today.getMonthValue() && day > today.getDayOfMonth())));
    }

    /** The Luhn (modulus 10, weights 2-1-2…) check digit of nine digits, as Skatteverket computes it. */
    static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /** Twelve digits, {@code YYYYMMDDNNNC}. */
    public String digits() {
        return digits;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public boolean isCoordinationNumber() {
        return coordinationNumber;
    }

    /** The ninth of the ten digits: odd for men, even for women (Skatteverket). */
    public Sex sex() {
        return (digits.charAt(10) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Date part kept, the last four digits hidden: {@code 19811218-****}. */
    public String masked() {
        return digits.substring(0, 8) + "-****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalIdentityNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
