package se.benefitledger.core.household;

import se.benefitledger.core.shared.BenefitMonth;

import java.util.Objects;

/**
 * A member's months in a household: from {@code fromMonth} ({@code null} for a founder, a member
 * from the start) up to the month before {@code departureMonth} ({@code null} while a member).
 */
public record Membership(HouseholdMember member, BenefitMonth fromMonth, BenefitMonth departureMonth) {

    public Membership {
        Objects.requireNonNull(member, "member");
    }

    public static Membership founder(HouseholdMember member) {
        return new Membership(member, null, null);
    }

    public boolean includes(BenefitMonth month) {
        return (fromMonth == null || !month.isBefore(fromMonth)) && (departureMonth == null || month.isBefore(departureMonth));
    }

    /** Whether the membership holds in any month from {@code month} on. */
    public boolean reachesInto(BenefitMonth month) {
        return departureMonth == null || month.isBefore(departureMonth);
    }

    public boolean current() {
        return departureMonth == null;
    }

    public Membership departingIn(BenefitMonth month) {
        return new Membership(member, fromMonth, month);
    }
}
