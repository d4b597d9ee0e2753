package se.benefitledger.api.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, unique personnummer for tests (Luhn check digit computed, never a real person by intent). */
public final class People {

    private static final AtomicInteger serial = new AtomicInteger(100);

    private People() {
    }

    /** A twelve-digit personnummer born on {@code birthDate}, different on every call. */
    public static String personnummer(LocalDate birthDate) {
        int birthNumber = serial.getAndIncrement() % 1000;
        String nine = String.format("%02d%02d%02d%03d", birthDate.getYear() % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), birthNumber);
        return String.format("%04d", birthDate.getYear()) .substring(0, 2) + nine + checkDigit(nine);
    }

    public static String adult() {
        return personnummer(LocalDate.of(1970 + serial.get() % 30, 1 + serial.get() % 12, 1 + serial.get() % 28));
    }

    public static String child() {
        return personnummer(LocalDate.of(2012 + serial.get() % 10, 1 + serial.get() % 12, 1 + serial.get() % 28));
    }

    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }
}
