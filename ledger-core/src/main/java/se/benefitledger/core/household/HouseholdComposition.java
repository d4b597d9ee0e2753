package se.benefitledger.core.household;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The rule for who makes up a household: exactly one applicant, at most one co-applicant, any children. */
public final class HouseholdComposition {

    private HouseholdComposition() {
    }

    /** What is wrong with these roles, or an empty list when they make a household. */
    public static List<String> violations(Collection<MemberRole> roles) {
        var violations = new ArrayList<String>();
        long applicants = roles.stream().filter(MemberRole.APPLICANT::equals).count();
        long coApplicants = roles.stream().filter(MemberRole.CO_APPLICANT::equals).count();
        if (applicants != 1) {
            violations.add("a household has exactly one APPLICANT, not " + applicants);
        }
        if (coApplicants > 1) {
            violations.add("a household has at most one CO_APPLICANT, not " + coApplicants);
        }
        return violations;
    }
}
