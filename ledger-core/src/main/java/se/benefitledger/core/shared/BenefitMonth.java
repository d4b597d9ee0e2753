package se.benefitledger.core.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The calendar month a benefit is for (avser-månad). Socialstyrelsen counts assistance by this
 * month, not by the month it was paid.
 */
public record BenefitMonth(YearMonth value) implements Comparable<BenefitMonth> {

    public BenefitMonth {
        Objects.requireNonNull(value, "benefit month");
    }

    public static BenefitMonth of(int year, int month) {
        return new BenefitMonth(YearMonth.of(year, month));
    }

    /** Reads {@code YYYY-MM}. */
    public static BenefitMonth parse(String text) {
        try {
            return new BenefitMonth(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a month of the form YYYY-MM");
        }
    }

    public static BenefitMonth of(LocalDate date) {
        return new BenefitMonth(YearMonth.from(date));
    }

    public boolean isBefore(BenefitMonth other) {
        return value.isBefore(other.value);
    }

    public BenefitMonth plusMonths(long months) {
        return new BenefitMonth(value.plusMonths(months));
    }

    @Override
    public int compareTo(BenefitMonth other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
