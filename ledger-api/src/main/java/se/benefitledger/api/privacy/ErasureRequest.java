package se.benefitledger.api.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import se.benefitledger.core.shared.PersonalIdentityNumber;

import java.util.UUID;

/** Whose personal data to erase, by personnummer or by person id (exactly one), and why. */
record ErasureRequest(PersonalIdentityNumber personalIdentityNumber, UUID personId, @NotBlank @Size(max = 140) String reason) {
}
