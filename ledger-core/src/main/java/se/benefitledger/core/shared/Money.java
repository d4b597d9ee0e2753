package se.benefitledger.core.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of Swedish kronor, held as whole öre. Amounts in the ledger are never negative:
 * a reduction is a separate fact (a return, a repayment), not a negative amount.
 */
public record Money(long ore) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public Money {
        if (ore < 0) {
            throw new IllegalArgumentException("Money cannot be negative: " + ore + " öre");
        }
    }

    public static Money ofOre(long ore) {
        return new Money(ore);
    }

    public static Money ofKronor(long kronor) {
        return new Money(Math.multiplyExact(kronor, 100));
    }

    /**
     * Reads a decimal amount in kronor with at most two decimals, e.g. {@code "8450.00"} or {@code "12.5"}.
     *
     * @throws IllegalArgumentException for more than two decimals, a negative or a malformed amount
     */
    public static Money parse(String kronor) {
        BigDecimal value;
        try {
            value = new BigDecimal(kronor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal amount");
        }
        return of(value);
    }

    public static Money of(BigDecimal kronor) {
        if (kronor.signum() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        if (kronor.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("must have at most two decimals");
        }
        return new Money(kronor.movePointRight(2).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(ore, other.ore));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(ore, other.ore));
    }

    /** This amount less {@code other}, or zero when {@code other} is larger. */
    public Money minusAtMostToZero(Money other) {
        return ore >= other.ore ? minus(other) : ZERO;
    }

    public Money min(Money other) {
        return ore <= other.ore ? this : other;
    }

    public boolean isZero() {
        return ore == 0;
    }

    public boolean isPositive() {
        return ore > 0;
    }

    public boolean isGreaterThan(Money other) {
        return ore > other.ore;
    }

    public BigDecimal toKronor() {
        return BigDecimal.valueOf(ore, 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(ore, other.ore);
    }

    /** Kronor with exactly two decimals and a decimal point, e.g. {@code 8450.00}. */
    @Override
    public String toString() {
        return toKronor().toPlainString();
    }
}
