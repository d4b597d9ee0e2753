package se.benefitledger.projections.duration;

import se.benefitledger.core.payment.PaymentExecutedEvent;
import se.benefitledger.core.payment.PaymentReturnedEvent;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The counting rules of the duration report, pure. An assistance month is a benefit month with at
 * least one executed, not returned payment; a household is counted in the bucket of its number of
 * assistance months inside the window.
 */
public final class AssistanceMonths {

    /** One household's benefit month. */
    record HouseholdMonth(UUID householdId, YearMonth month, String municipality) implements Comparable<HouseholdMonth> {
        @Override
        public int compareTo(HouseholdMonth other) {
            int byHousehold = householdId.compareTo(other.householdId);
            return byHousehold != 0 ? byHousehold : month.compareTo(other.month);
        }
    }

    /** 10-12 is long-term assistance (långvarigt ekonomiskt bistånd). */
    public static final List<String> BUCKETS = List.of("1-3", "4-6", "7-9", "10-12");

    private AssistanceMonths() {
    }

    static HouseholdMonth of(PaymentExecutedEvent event) {
        return new HouseholdMonth(event.householdId(), event.benefitMonth().value(), event.municipality().code());
    }

    static HouseholdMonth of(PaymentReturnedEvent event) {
        return new HouseholdMonth(event.householdId(), event.benefitMonth().value(), event.municipality().code());
    }

    /** The bucket of a household with {@code months} assistance months in a 12-month window: 1-3, 4-6, 7-9 or 10-12. */
    public static String bucket(int months) {
        if (months < 1 || months > 12) {
            throw new IllegalArgumentException("a 12-month window holds 1 to 12 assistance months, not " + months);
        }
        return BUCKETS.get((months - 1) / 3);
    }

    /** The months of {@code year} inside a window ending with {@code end}, as a mask: bit n-1 for month n. */
    static int windowMask(int year, YearMonth end) {
        YearMonth start = end.minusMonths(11);
        int mask = 0;
        for (int month = 1; month <= 12; month++) {
            YearMonth candidate = YearMonth.of(year, month);
            if (!candidate.isBefore(start) && !candidate.isAfter(end)) {
                mask |= 1 << (month - 1);
            }
        }
        return mask;
    }
}
