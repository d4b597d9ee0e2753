package se.benefitledger.projections.balances;

import java.time.LocalDate;
import java.time.Period;

/** How old a claim is, in whole months since its decision, and its aging bucket: 0-3, 4-12, 13-24, 25-36, >36 months. */
public final class ClaimAge {

    private ClaimAge() {
    }

    public static int months(LocalDate decidedOn, LocalDate today) {
        return Math.max(0, (int) Period.between(decidedOn, today).toTotalMonths());
    }

    public static String bucket(int months) {
        if (months <= 3) {
            return "0-3";
        }
        if (months <= 12) {
            return "4-12";
        }
        if (months <= 24) {
            return "13-24";
        }
        return months <= 36 ? "25-36" : ">36";
    }
}
