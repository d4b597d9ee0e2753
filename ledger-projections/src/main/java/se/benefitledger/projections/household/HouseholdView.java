package se.benefitledger.projections.household;

import se.benefitledger.core.household.ClosureReason;
import se.benefitledger.core.household.HouseholdStatus;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.BenefitMonth;
import se.benefitledger.core.shared.MunicipalityCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A household as the read model holds it. */
public record HouseholdView(UUID householdId,
                            MunicipalityCode municipality,
                            HouseholdStatus status,
                            long version,
                            ClosureReason closureReason,
                            BenefitMonth closureEffectiveMonth,
                            List<Member> members) {

    /** A stay in the household: from {@code fromMonth} (null: from the start) to the month before {@code departureMonth} (null: still a member). */
    public record Member(UUID personId, MemberRole role, LocalDate birthDate, BenefitMonth fromMonth, BenefitMonth departureMonth) {
    }
}
