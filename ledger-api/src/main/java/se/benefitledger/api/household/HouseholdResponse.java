package se.benefitledger.api.household;

import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.household.HouseholdStatus;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

record HouseholdResponse(UUID householdId,
                         MunicipalityCode municipality,
                         HouseholdStatus status,
                         long version,
                         List<Member> members,
                         Closure closure) {

    /**
     * {@code personalIdentityNumber} is masked ({@code 19811218-****}) unless the caller may see it
     * whole. A member from {@code fromMonth} (null: from the start) until the month before
     * {@code departureMonth} (null: still a member); one entry per stay.
     */
    record Member(UUID personId, MemberRole role, LocalDate birthDate, String personalIdentityNumber, BenefitMonth fromMonth,
                  BenefitMonth departureMonth) {
    }

    record Closure(ClosureReason reason, BenefitMonth effectiveMonth) {
    }
}
