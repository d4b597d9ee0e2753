package se.benefitledger.api.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.benefitledger.core.household.MemberRole;
import se.benefitledger.core.shared.MunicipalityCode;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.util.List;

record RegisterHouseholdRequest(@NotNull MunicipalityCode municipality,
                                @NotEmpty @Size(max = 20) List<@Valid @NotNull Member> members) {

    record Member(@NotNull PersonalIdentityNumber personalIdentityNumber, @NotNull MemberRole role) {
    }
}
