package se.benefitledger.core.household;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/** A member as events record it: a pseudonymous person id, never the personnummer. */
public record HouseholdMember(UUID personId, MemberRole role, LocalDate birthDate) {

    public HouseholdMember {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    /**
     * Whether the member counts as an adult recipient in {@code month} (domain.md §9.4): applicant
     * and co-applicant always, anyone else once 18 years old at the end of the month.
     */
    public boolean adultIn(YearMonth month) {
        YearMonth from = adultFrom();
        return from == null || !month.isBefore(from);
    }

    /** The first month {@link #adultIn} holds: the month a child turns 18; null for applicant and co-applicant (every month). */
    public YearMonth adultFrom() {
        return role == MemberRole.CHILD ? YearMonth.from(birthDate.plusYears(18)) : null;
    }
}
