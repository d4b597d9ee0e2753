package se.benefitledger.core.household;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A member as events record it: a pseudonymous person id, never the personnummer. */
public record HouseholdMember(UUID personId, MemberRole role, LocalDate birthDate) {

    public HouseholdMember {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(birthDate, "birthDate");
    }
}
