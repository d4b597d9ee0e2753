package se.benefitledger.core.household;

import se.benefitledger.core.shared.BenefitMonth;

import java.util.Objects;

/**
 * A member's stay in a household, as the household holds it: from {@code fromMonth} ({@code null}
 * for a founder, a member from the start) up to the month before {@code departureMonth}
 * ({@code null} while a member).
 */
record Membership(HouseholdMember member, BenefitMonth fromMonth, BenefitMonth departureMonth) {

    Membership {
        Objects.requireNonNull(member, "member");
    }

    static Membership founder(HouseholdMember member) {
        return new Membership(member, null, null);
    }

    /** Whether the stay holds in any month from {@code month} on. */
    boolean reachesInto(BenefitMonth month) {
        return departureMonth == null || month.isBefore(departureMonth);
    }

    boolean current() {
        return departureMonth == null;
    }

    Membership departingIn(BenefitMonth month) {
        return new Membership(member, fromMonth, month);
    }
}
