package se.benefitledger.core.shared;

import java.math.BigDecimal;

/**
 * A difference of amounts, which unlike {@link Money} may be negative: the net paid in a month is
 * negative when more came back than went out.
 */
public record SignedMoney(long ore) {

    public static SignedMoney difference(Money minuend, Money subtrahend) {
        return new SignedMoney(Math.subtractExact(minuend.ore(), subtrahend.ore()));
    }

    /** Kronor with exactly two decimals, e.g. {@code -1013.04}. */
    @Override
    public String toString() {
        return BigDecimal.valueOf(ore, 2).toPlainString();
    }
}
